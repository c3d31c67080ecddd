package workbook.threadlocalbleed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: clear the worker before each request instead of after it. No request runs as an earlier one's user,
// but between requests the idle worker still holds the last user (and whatever that user's objects reference).
// expect: STILL BROKEN

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
        return workers.submit(() -> {
            CurrentUser.clear();
            if (request.sessionUser() != null) {
                CurrentUser.set(request.sessionUser());
            }
            return handler.handle(request);
        });
    }
}
