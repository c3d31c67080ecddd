package workbook.threadlocalbleed;

import java.util.concurrent.Future;

/** Hands each incoming request to a worker thread. */
public interface Dispatcher {

    /**
     * The handler's answer, or its failure. The promises: the handler runs on the worker pool the dispatcher was
     * given; while it runs, {@link CurrentUser} is the request's session user, or nobody for a request without a
     * session; and once it is done, returned or thrown, the worker holds no user for whatever it runs next.
     */
    Future<String> dispatch(Request request);
}
