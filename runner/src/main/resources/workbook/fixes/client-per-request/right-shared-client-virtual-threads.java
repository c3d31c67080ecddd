package workbook.clientperrequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

// Right fix, another way than the reference: one client for every request, its work on virtual threads, and the
// client closed when the application is done with the directory.
// expect: FIXED

/** Looks users up in the profile service, e.g. {@code GET http://profiles/users/42}. */
public class ProfileClient implements UserDirectory {

    private final URI profileService;
    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

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
