package workbook.classinitcycle;

import java.time.Duration;
import java.util.Map;

/**
 * The carrier's files, read once at start-up: its rates in cents per kilogram, and its options' labels. Each read
 * takes a few milliseconds (as long as {@link #readTime} says).
 */
public final class Carrier {

    /** The rates of this trial: the carrier changes them, and code that copies them goes wrong. */
    static volatile Map<String, Long> rates = Map.of("STANDARD", 450L, "EXPRESS", 1_250L, "OVERNIGHT", 2_900L);
    static final Map<String, String> LABELS = Map.of("STANDARD", "Standard (3-5 days)", "EXPRESS",
            "Express (1-2 days)", "OVERNIGHT", "Overnight");
    static volatile Duration readTime = Duration.ZERO;

    private Carrier() {
    }

    /** The rates, in cents per kilogram, by option code. */
    public static Map<String, Long> rates() {
        read();
        return rates;
    }

    /** The label the checkout shows for an option code. */
    public static String label(String option) {
        read();
        return LABELS.get(option);
    }

    private static void read() {
        try {
            Thread.sleep(readTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading the carrier's file was interrupted", e);
        }
    }
}
