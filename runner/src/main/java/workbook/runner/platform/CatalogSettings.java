package workbook.runner.platform;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;
import workbook.harness.TrialLauncher;
import workbook.runner.suite.SideBySide;

/**
 * What a run of the {@link CatalogEngine} does, from the Platform's configuration parameters, which fall back to
 * system properties ({@code mvn test -Dworkbook.trials=3}):
 * <ul>
 * <li>{@value #PITFALLS}: the pitfalls to run, ids separated by commas (default: all);
 * <li>{@value #TRIALS}: trials per variant (default 1);
 * <li>{@value #BUDGET}: seconds each scenario may look for evidence (default 5);
 * <li>{@value #REUSE_JVM}: {@code true} to run the trials of pitfalls that leave nothing behind many to a JVM;
 * <li>{@value #JOBS}: pitfalls verified side by side (default 3);
 * <li>{@value #JDK}: the JDK the trials run on, a folder or a feature version (default: the tests' JVM's);
 * <li>{@value #WRONG_FIXES}: {@code true} to check every wrong-fix fixture too, a test each (one trial a fixture).
 * </ul>
 */
public record CatalogSettings(Set<String> pitfalls, int trials, Duration budget, boolean reuseJvm, int jobs,
        Optional<String> jdk, boolean wrongFixes) {

    public static final String PITFALLS = "workbook.pitfalls";
    public static final String TRIALS = "workbook.trials";
    public static final String BUDGET = "workbook.budget";
    public static final String REUSE_JVM = "workbook.reuseJvm";
    public static final String JOBS = "workbook.jobs";
    public static final String JDK = "workbook.jdk";
    public static final String WRONG_FIXES = "workbook.wrongFixes";

    /**
     * The settings the parameters name, the defaults for the others.
     *
     * @throws IllegalArgumentException naming the parameter whose value makes no sense
     */
    static CatalogSettings from(ConfigurationParameters parameters) {
        Set<String> pitfalls = new LinkedHashSet<>();
        parameters.get(PITFALLS).ifPresent(ids -> {
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    pitfalls.add(id.strip());
                }
            }
        });
        return new CatalogSettings(Set.copyOf(pitfalls), positive(parameters, TRIALS, 1),
                Duration.ofSeconds(positive(parameters, BUDGET, (int) TrialLauncher.DEFAULT_BUDGET.toSeconds())),
                parameters.getBoolean(REUSE_JVM).orElse(false), positive(parameters, JOBS, SideBySide.AT_ONCE),
                parameters.get(JDK).filter(jdk -> !jdk.isBlank()), parameters.getBoolean(WRONG_FIXES).orElse(false));
    }

    private static int positive(ConfigurationParameters parameters, String key, int otherwise) {
        Function<String, Integer> parse = value -> {
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= 1) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(key + " must be a whole number of at least 1, not '" + value + "'");
        };
        return parameters.get(key).map(parse).orElse(otherwise);
    }
}
