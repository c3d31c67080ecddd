package workbook.unboundedqueue;

import java.util.concurrent.TimeUnit;

/** Microseconds since the scenario began: the time stamps of the ledger and the store, on one scale. */
final class Clock {

    private final long start = System.nanoTime();

    int micros() {
        return (int) TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
    }
}
