package workbook.clientperrequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

// Wrong fix: one client for every request, but the directory never closes it: when the application is done with the
// directory (close()), the client's selector thread and workers go on running.
// expect: DOES NOT WORK

/** Looks users up in the profile service, e.g. {@code GET http://profiles/users/42}. */
public class ProfileClient implements UserDirectory {

    private final URI profileService;
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
}
