package workbook.staleflag;

/**
 * A simulation that runs on a thread of its own from {@link #start()} until {@link #stop()}.
 *
 * <p>Its promises, beyond the estimate: {@code start()} returns at once; while it runs, the simulation runs at full
 * speed (it never sleeps, yields or waits between days); {@code stop()} stops it promptly, within
 * {@value #STOPS_WITHIN_MILLIS} ms, and returns the estimate over every day simulated, its thread ended by then.
 */
public interface Simulation {

    long STOPS_WITHIN_MILLIS = 200;

    /** Starts simulating on a new thread, and returns at once. */
    void start();

    /** Stops the simulation, waits for its thread to end, and returns what it estimated. */
    Estimate stop() throws InterruptedException;
}
