package workbook.threadlocalbleed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

// Wrong fix: no pool, no stale ThreadLocal: a new thread per request. Nothing bleeds, but the requests no longer
// run on the worker pool the dispatcher was given, which bounds how many run at once.
// expect: DOES NOT WORK

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
        FutureTask<String> task = new FutureTask<>(() -> {
            if (request.sessionUser() != null) {
                CurrentUser.set(request.sessionUser());
            }
            return handler.handle(request);
        });
        Thread.ofVirtual().name("request-" + request.number()).start(task);
        return task;
    }
}
