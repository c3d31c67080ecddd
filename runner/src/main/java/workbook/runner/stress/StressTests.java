package workbook.runner.stress;

import java.util.List;
import java.util.Optional;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.infra.runners.TestList;
import workbook.harness.Pitfall;
import workbook.harness.Variant;

/**
 * The jcstress tests beside a pitfall: in its package, a class named after the class it stresses ({@code
 * PageViewCounterStress}), holding two tests with the same actors: {@code Broken}, where the failure's outcome is
 * graded interesting, and {@code Fixed}, where it is forbidden. Which class the actors drive is the class path's
 * choice, as in a trial. jcstress reads a test's actors from its own class only (not from a superclass), so the two
 * sides repeat them: only their grades differ.
 */
public final class StressTests {

    private StressTests() {
    }

    /** The name of the pitfall's jcstress test for this variant (the fixed one for a learner's copy). */
    public static Optional<String> of(Pitfall<?> pitfall, Variant variant) {
        String suffix = variant == Variant.BROKEN ? ".Broken" : ".Fixed";
        List<String> found = all().stream().filter(test -> belongsTo(test, pitfall) && test.endsWith(suffix)).toList();
        if (found.size() > 1) {
            throw new IllegalStateException(
                    pitfall.id() + " has more than one jcstress test for one variant: " + found);
        }
        return found.stream().findFirst();
    }

    /** Whether the pitfall has jcstress tests beside it. */
    public static boolean exist(Pitfall<?> pitfall) {
        return all().stream().anyMatch(test -> belongsTo(test, pitfall));
    }

    /**
     * Whether the test is a termination test (an actor that must stop once signalled): when it does not stop,
     * jcstress waits 30 s for it before it gives its JVM up, so a broken example's run takes that much longer.
     */
    public static boolean isTermination(String test) {
        int nested = test.lastIndexOf('.');
        try {
            Class<?> type = Class.forName(test.substring(0, nested) + "$" + test.substring(nested + 1), false,
                    StressTests.class.getClassLoader());
            JCStressTest annotation = type.getAnnotation(JCStressTest.class);
            return annotation != null && annotation.value() == Mode.Termination;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jcstress lists " + test + ", but there is no such class", e);
        }
    }

    /** Every jcstress test on the class path, by name. */
    public static List<String> all() {
        return TestList.tests().stream().sorted().toList();
    }

    private static boolean belongsTo(String test, Pitfall<?> pitfall) {
        String pkg = pitfall.getClass().getPackageName() + ".";
        return test.startsWith(pkg) && test.indexOf('.', pkg.length()) == test.lastIndexOf('.');
    }
}
