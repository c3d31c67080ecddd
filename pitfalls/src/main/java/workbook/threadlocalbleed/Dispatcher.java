package workbook.threadlocalbleed;

import java.util.concurrent.Future;

/** Hands each incoming request to a worker thread. */
public interface Dispatcher {

    /** The handler's answer, or its failure. */
    Future<String> dispatch(Request request);
}
