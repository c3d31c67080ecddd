package workbook.missingcountdown;

import java.util.List;

/**
 * Fills the service's caches at start-up, before it takes traffic. Made with the executor the loads run on.
 */
public interface Warmup {

    /**
     * Loads every cache, all at once on the executor given (never on the caller's thread, never one after another),
     * and returns once every one is loaded, not before. When a load fails, throws an exception that carries that
     * failure (as itself or as a cause), as soon as the loads have ended: never returns as if all were loaded, and
     * never keeps its caller waiting for a load that has ended. Leaves the executor running: others use it.
     */
    void warmAll(List<Cache> caches) throws InterruptedException;
}
