package workbook.clientperrequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

// Wrong fix: the abandoned client's threads end once a garbage collection finds it, so ask for one after every
// request. System.gc() is only a hint: production JVMs often run with -XX:+DisableExplicitGC, and a full collection
// per request would stall the whole service anyway. The threads still pile up.
// expect: STILL BROKEN

/** Looks users up in the profile service, e.g. {@code GET http://profiles/users/42}. */
public class ProfileClient implements UserDirectory {

    private final URI profileService;

    public ProfileClient(URI profileService) {
        this.profileService = profileService;
    }

    @Override
    public String displayName(String userId) throws IOException, InterruptedException {
        HttpResponse<String> response = fetch(userId);
        System.gc();
        if (response.statusCode() != 200) {
            throw new IOException("the profile service answered " + response.statusCode() + " for user " + userId);
        }
        return response.body();
    }

    private HttpResponse<String> fetch(String userId) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(profileService.resolve("users/" + userId)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
