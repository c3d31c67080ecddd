package workbook.threadlocalbleed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: clear in a finally block, but in dispatch() itself, which runs on the caller's thread: it clears the
// caller's CurrentUser, and the worker's stays as it was.
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
        try {
            return workers.submit(() -> {
                if (request.sessionUser() != null) {
                    CurrentUser.set(request.sessionUser());
                }
                return handler.handle(request);
            });
        } finally {
            CurrentUser.clear();
        }
    }
}
