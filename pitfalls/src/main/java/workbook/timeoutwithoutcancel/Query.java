package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.List;
import workbook.harness.CancellationProbe;

/**
 * One page's recommendation query, as the scenario scripts it (how many steps, how long each, the answer) and as
 * it went (the thread it ran on, the connection it held, when it ended). Every step is a unit of work on the probe.
 */
final class Query {

    final String user;
    final int steps;
    final Duration step;
    final List<String> answer;
    final CancellationProbe probe;
    private volatile Thread thread;
    private volatile int connection;
    private volatile boolean ended;
    private volatile long answeredAt;

    Query(String user, int steps, Duration step, List<String> answer, CancellationProbe probe) {
        this.user = user;
        this.steps = steps;
        this.step = step;
        this.answer = answer;
        this.probe = probe;
    }

    Duration total() {
        return step.multipliedBy(steps);
    }

    void started(Thread on, int connection) {
        this.thread = on;
        this.connection = connection;
    }

    void answered() {
        answeredAt = System.nanoTime();
    }

    /** When the query returned its answer, as {@link System#nanoTime()}; 0 if it has not. */
    long answeredAt() {
        return answeredAt;
    }

    void ended() {
        ended = true;
    }

    /** Null until the query has started. */
    Thread thread() {
        return thread;
    }

    int connection() {
        return connection;
    }

    boolean hasEnded() {
        return ended;
    }

}
