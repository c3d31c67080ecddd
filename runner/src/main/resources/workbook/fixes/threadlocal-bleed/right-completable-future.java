package workbook.threadlocalbleed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Right fix, another way than the reference: CompletableFuture.supplyAsync on the given pool, the user set only for
// the handler's call and removed in a finally block.
// expect: FIXED

/** Runs each request on the worker pool, with its signed-in user as the {@link CurrentUser}. */
public class RequestDispatcher implements Dispatcher {

    private final ExecutorService workers;
    private final Handler handler;

    public RequestDispatcher(ExecutorService workers, Handler handler) {
        this.workers = workers;
        this.handler = handler;
    }

    @Override
    public Future<String> dispatch(Request request) {
        return CompletableFuture.supplyAsync(() -> asUser(request), workers);
    }

    private String asUser(Request request) {
        if (request.sessionUser() != null) {
            CurrentUser.set(request.sessionUser());
        }
        try {
            return handler.handle(request);
        } catch (Exception e) {
            throw new CompletionException(e);
        } finally {
            CurrentUser.clear();
        }
    }
}
