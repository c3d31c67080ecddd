package workbook.threadlocalbleed;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Right fix, another way than the reference: remember what the worker held and put it back afterwards, in a finally
// block, so the worker leaves each request exactly as it came to it (empty, in a pool).
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
        return workers.submit(() -> {
            Optional<String> before = CurrentUser.get();
            if (request.sessionUser() != null) {
                CurrentUser.set(request.sessionUser());
            }
            try {
                return handler.handle(request);
            } finally {
                before.ifPresentOrElse(CurrentUser::set, CurrentUser::clear);
            }
        });
    }
}
