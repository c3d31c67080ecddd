package workbook.clientperrequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

// Wrong fix: give each request's client a virtual-thread executor, because virtual threads are cheap. The client's
// selector is still a platform thread of its own, one per request, alive until a garbage collection finds the client.
// expect: STILL BROKEN

/** Looks users up in the profile service, e.g. {@code GET http://profiles/users/42}. */
public class ProfileClient implements UserDirectory {

    private final URI profileService;

    public ProfileClient(URI profileService) {
        this.profileService = profileService;
    }

    @Override
    public String displayName(String userId) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpRequest request = HttpRequest.newBuilder(profileService.resolve("users/" + userId)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the profile service answered " + response.statusCode() + " for user " + userId);
        }
        return response.body();
    }
}
