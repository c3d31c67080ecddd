package workbook.clientperrequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

// Right fix, another way than the reference: still a client per request, but closed with the request
// (try-with-resources; HttpClient is AutoCloseable since JDK 21), so its threads end, whether the lookup succeeds or
// fails. Slower than a shared client (no connection is reused), but nothing leaks.
// expect: FIXED

/** Looks users up in the profile service, e.g. {@code GET http://profiles/users/42}. */
public class ProfileClient implements UserDirectory {

    private final URI profileService;

    public ProfileClient(URI profileService) {
        this.profileService = profileService;
    }

    @Override
    public String displayName(String userId) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(profileService.resolve("users/" + userId)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the profile service answered " + response.statusCode() + " for user "
                        + userId);
            }
            return response.body();
        }
    }
}
