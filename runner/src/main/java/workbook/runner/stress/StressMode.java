package workbook.runner.stress;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How long and how widely jcstress looks: the workbook's short mode, or one of jcstress's own presets. */
public enum StressMode {

    /** One JVM configuration, one fork, one iteration of 200 ms: seconds, enough for the races beside the lessons. */
    SHORT(List.of("-m", "quick", "-sc", "false", "-f", "1", "-iters", "1", "-time", "200", "-jvmArgs",
            "--enable-native-access=ALL-UNNAMED"), Duration.ofSeconds(40)),
    /** jcstress's sanity preset: the test runs at all; far too short to see a race. */
    SANITY(List.of("-m", "sanity"), Duration.ofSeconds(40)),
    /** jcstress's quick preset: every JVM configuration and compilation mode, briefly (tens of seconds a test). */
    QUICK(List.of("-m", "quick"), Duration.ofMinutes(10)),
    /** jcstress's default preset: every configuration, longer (minutes a test). */
    DEFAULT(List.of("-m", "default"), Duration.ofMinutes(60));

    /** What jcstress spends before its first test, probing the JVM: 5 to 8 s here, far less than this. */
    private static final Duration PROBING = Duration.ofMinutes(1);

    private final List<String> arguments;
    private final Duration perTest;

    StressMode(List<String> arguments, Duration perTest) {
        this.arguments = arguments;
        this.perTest = perTest;
    }

    /** jcstress's command-line options for this mode. */
    List<String> arguments() {
        return arguments;
    }

    /**
     * How long a run of {@code tests} tests in this mode may take before it is stopped: far more than it should (a
     * short run's test takes a second or two, a stale termination test about 35 s).
     */
    public Duration deadline(int tests) {
        return PROBING.plus(perTest.multipliedBy(tests));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
