package workbook.runner.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;
import workbook.harness.VerdictText;
import workbook.runner.learner.Check;

/**
 * Checks a pitfall's wrong-fix fixtures ({@link WrongFixes}) as {@code check} would, one trial each: a plausible
 * wrong fix must never be FIXED, a right fix written another way than the reference must be. The fixtures of a
 * pitfall whose trials share a JVM take their turns in one ({@link Check#runEach}). One whose check was INCONCLUSIVE
 * (the machine could not tell, and the verdict says why) is checked once more, in a JVM of its own.
 */
public final class FixtureChecks {

    /** A fixture and what its check said. */
    public record Checked(WrongFixes.Fixture fixture, Check.Report report) {
        public boolean asExpected() {
            return fixture.expected() != null && fixture.expected() == report.result();
        }

        /** Why it is not as expected: what was expected, what came, and the verdicts or compiler errors. */
        public String surprise() {
            if (fixture.expected() == null) {
                return fixture.file() + " says no verdict to expect (a line '// expect: ...')";
            }
            return "expected " + fixture.expected().label + ", got " + report.result().label + "\n"
                    + (report.verdicts().isEmpty()
                            ? String.join("\n", report.compilation().errors())
                            : report.verdicts().stream().map(VerdictText::render).collect(Collectors.joining("\n")));
        }
    }

    private final Check check;

    public FixtureChecks(TrialLauncher launcher, Duration budget) {
        this.check = new Check(launcher, budget, 1, null);
    }

    /**
     * Checks every fixture, each built in a folder of its own under {@code builds}; {@code log} hears each check run
     * again and where the time went.
     */
    public List<Checked> run(Pitfall<?> pitfall, List<WrongFixes.Fixture> fixtures, Path builds, Consumer<String> log)
            throws IOException {
        long start = System.nanoTime();
        List<Check.Report> ran = new ArrayList<>(check.runEach(pitfall,
                fixtures.stream().map(WrongFixes.Fixture::file).toList(), builds));
        for (int i = 0; i < ran.size(); i++) {
            if (ran.get(i).result() == Check.Result.INCONCLUSIVE) {
                // The machine could not tell this time (the verdict says why): once more, as a learner would.
                log.accept(pitfall.id() + " " + fixtures.get(i).name() + " was INCONCLUSIVE, checked once more: "
                        + ran.get(i).deciding().summary());
                ran.set(i, check.run(pitfall, fixtures.get(i).file(), builds.resolve("again-" + (i + 1))));
            }
        }
        List<Checked> checked = new ArrayList<>();
        List<String> millis = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            checked.add(new Checked(fixtures.get(i), ran.get(i)));
            millis.add(fixtures.get(i).name() + " "
                    + ran.get(i).verdicts().stream().mapToLong(v -> v.timings().scenarioMillis()).sum());
        }
        // Where the time goes: the suite must stay within CI's minutes.
        log.accept(String.format("%s, %d fixtures in %,d ms (scenarios: %s)", pitfall.id(), fixtures.size(),
                (System.nanoTime() - start) / 1_000_000, String.join(", ", millis)));
        return checked;
    }
}
