package workbook.harness;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays that differ in every trial and every call, so that no fixed wait in the code under test (a
 * {@code Thread.sleep} of any length after the wrong signal) outlasts them all: they spread evenly on a log scale,
 * many short ones and some close to the longest.
 */
public final class Delays {

    private Delays() {
    }

    /** A delay drawn anew, from {@code shortest} to {@code longest}, evenly on a log scale. */
    public static Duration between(Duration shortest, Duration longest) {
        long low = Math.max(1, shortest.toMillis());
        long high = Math.max(low, longest.toMillis());
        double exponent = ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(low * Math.pow((double) high / low, exponent)));
    }
}
