package workbook.threadlocalbleed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: after handing the request to the pool, hand it a second task that clears the user. On a pool of one
// worker that task runs on the same thread, after the request; on a real pool it runs on whichever worker is free,
// and clears that one, while the worker that served the request keeps its user.
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
        Future<String> answer = workers.submit(() -> {
            if (request.sessionUser() != null) {
                CurrentUser.set(request.sessionUser());
            }
            return handler.handle(request);
        });
        workers.submit(CurrentUser::clear);
        return answer;
    }
}
