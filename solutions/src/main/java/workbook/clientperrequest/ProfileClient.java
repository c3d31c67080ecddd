package workbook.clientperrequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Looks users up in the profile service, e.g. {@code GET http://profiles/users/42}. */
public class ProfileClient implements UserDirectory {

    private final URI profileService;
    // One client for every request: it is thread-safe and keeps its connections and threads for reuse. A client
    // per request starts a selector thread and workers each time, and nothing stops them until a GC finds it.
    // They end in close(), when the application is done with this directory.
    private final HttpClient client = HttpClient.newHttpClient();

    public ProfileClient(URI profileService) {
        this.profileService = profileService;
    }

    @Override
    public String displayName(String userId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(profileService.resolve("users/" + userId)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the profile service answered " + response.statusCode() + " for user " + userId);
        }
        return response.body();
    }

    @Override
    public void close() {
        client.close();
    }
}
