package workbook.runner.stress;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How long and how widely jcstress looks: the workbook's short mode, or one of jcstress's own presets. */
public enum StressMode {

    /** One JVM configuration, one fork, one iteration of 200 ms: seconds, enough for the races beside the lessons. */
    SHORT(List.of("-m", "quick", "-sc", "false", "-f", "1", "-iters", "1", "-time", "200", "-jvmArgs",
            "--enable-native-access=ALL-UNNAMED"), Duration.ofMinutes(2)),
    /** jcstress's sanity preset: the test runs at all; far too short to see a race. */
    SANITY(List.of("-m", "sanity"), Duration.ofMinutes(2)),
    /** jcstress's quick preset: every JVM configuration and compilation mode, briefly (tens of seconds a test). */
    QUICK(List.of("-m", "quick"), Duration.ofMinutes(10)),
    /** jcstress's default preset: every configuration, longer (minutes a test). */
    DEFAULT(List.of("-m", "default"), Duration.ofMinutes(60));

    private final List<String> arguments;
    private final Duration deadline;

    StressMode(List<String> arguments, Duration deadline) {
        this.arguments = arguments;
        this.deadline = deadline;
    }

    /** jcstress's command-line options for this mode. */
    List<String> arguments() {
        return arguments;
    }

    /** How long a run in this mode may take before it is stopped: far more than it should. */
    public Duration deadline() {
        return deadline;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
