package workbook.classinitcycle;

import java.util.concurrent.CountDownLatch;

/** A request thread that makes its own Shipping, released with the others, and records how its one call ended. */
final class FirstUse {

    /** The call a request makes. */
    interface Call {
        Object on(Shipping shipping);
    }

    private final Thread thread;
    private volatile boolean ended;
    private volatile Object answer;
    private volatile Throwable thrown;

    FirstUse(String name, Shipping shipping, Call call, CountDownLatch go) {
        thread = new Thread(() -> {
            try {
                go.await();
                answer = call.on(shipping);
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                ended = true;
            }
        }, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean ended() {
        return ended;
    }

    Object answer() {
        return answer;
    }

    Throwable thrown() {
        return thrown;
    }

    Thread thread() {
        return thread;
    }
}
