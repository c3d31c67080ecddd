package workbook.recursivecompute;

import java.util.concurrent.CountDownLatch;

/** A shop thread that asks for one price, released with the others, and records how the call ended. */
final class Pricing {

    private final Thread thread;
    private volatile boolean ended;
    private volatile long price;
    private volatile Throwable thrown;

    Pricing(String name, Prices prices, String sku, CountDownLatch go) {
        thread = new Thread(() -> {
            try {
                go.await();
                price = prices.priceOf(sku);
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

    long price() {
        return price;
    }

    Throwable thrown() {
        return thrown;
    }

    Thread thread() {
        return thread;
    }
}
