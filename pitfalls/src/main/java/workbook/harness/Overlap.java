package workbook.harness;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many calls were in flight at once: a contract that promises work "in parallel" is checked by the most calls
 * that overlapped, which a fix that does the work one at a time keeps at 1.
 */
public final class Overlap {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    /** A call begins; pair with {@link #exit()} in a finally block. */
    public void enter() {
        int now = inFlight.incrementAndGet();
        most.accumulateAndGet(now, Math::max);
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    /** The most calls that were ever in flight at the same time. */
    public int most() {
        return most.get();
    }
}
