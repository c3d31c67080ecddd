package workbook.aliencallunderlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The reorder desk: a listener that notes every change under its own lock, and whose restock job holds that lock while
 * it books a delivery into the stock, as a desk that processes its queue under its lock does. The restock job waits
 * (up to {@link #SALE_ARRIVES}) until the sale it was started with has reached the desk or is done, so that both are
 * under way at once.
 */
final class ReorderDesk implements StockListener {

    static final Duration SALE_ARRIVES = Duration.ofMillis(200);
    private static final Duration WATCH_EVERY = Duration.ofNanos(100_000);

    private final List<String> noted = new ArrayList<>();
    private final CountDownLatch deskHeld = new CountDownLatch(1);
    private volatile boolean saleStarted;

    @Override
    public synchronized void changed(String sku, int before, int after) {
        noted.add(sku + " " + before + " -> " + after + " on " + Thread.currentThread().getName());
    }

    /** Books a delivery while holding the desk, once {@code sale} is waiting for the desk or done. */
    synchronized void restock(Stock stock, String sku, int delivered, Thread sale) throws InterruptedException {
        deskHeld.countDown();
        long end = System.nanoTime() + SALE_ARRIVES.toNanos();
        while (!(saleStarted && waitsOrEnded(sale)) && System.nanoTime() < end) {
            LockSupport.parkNanos(WATCH_EVERY.toNanos());
        }
        stock.adjust(sku, delivered);
    }

    /** The sale waits for the desk to be held, then says it is on its way into the stock. */
    void awaitDeskHeld() throws InterruptedException {
        deskHeld.await();
        saleStarted = true;
    }

    /** Blocked or parked somewhere (on the desk, in a broken stock), or done (in a right one, or one that skips). */
    private static boolean waitsOrEnded(Thread sale) {
        Thread.State state = sale.getState();
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.TERMINATED;
    }

    synchronized List<String> noted() {
        return List.copyOf(noted);
    }
}
