package workbook.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The main class of a trial's JVM: runs one scenario, writes its verdict to a file ({@link Wire}), and halts, whatever
 * threads the code under test left behind. Its parent, {@link TrialLauncher}, kills it if it does not.
 *
 * <p>Arguments: {@code <pitfall-id> <variant> <budget-millis> <verdict-file> [hold | batch <n> | learners <folder>...]}. With {@code hold},
 * the JVM stays up after reporting, threads and all, for a learner to inspect with {@code jstack} or {@code jcmd},
 * until it is killed or {@link #HOLD_LIMIT} has passed. With {@code batch <n>}, it runs {@code n} trials one after
 * another for a benchmark ({@link TrialBatch}), appending one verdict a line; with {@code learners}, one trial of
 * each learner's classes folder, the same way.
 */
public final class TrialMain {

    /** How long past its budget a scenario may take to wind up before the trial gives up on it. */
    static final Duration WIND_UP = Duration.ofSeconds(3);

    /** A held trial JVM ends by itself after this long, should its launcher be gone. */
    static final Duration HOLD_LIMIT = Duration.ofMinutes(30);

    private TrialMain() {
    }

    public static void main(String[] args) throws IOException {
        Processes.endWithParent();
        int status = 0;
        boolean hold = args.length > 4 && args[4].equals("hold");
        if (hold) {
            System.setProperty(Trial.HELD_PROPERTY, "true");
        }
        try {
            if (args.length > 5 && args[4].equals("batch")) {
                status = TrialBatch.run(args[0], Variant.valueOf(args[1]), Duration.ofMillis(Long.parseLong(args[2])),
                        Integer.parseInt(args[5]), Path.of(args[3]));
                return;
            }
            if (args.length > 5 && args[4].equals("learners")) {
                List<Path> learners = Arrays.stream(args, 5, args.length).map(Path::of).toList();
                status = TrialBatch.runLearners(args[0], Duration.ofMillis(Long.parseLong(args[2])), learners,
                        Path.of(args[3]));
                return;
            }
            Variant variant = Variant.valueOf(args[1]);
            Path out = Path.of(args[3]);
            JvmExit.reportTo(out, args[0], variant);
            Verdict verdict;
            try {
                verdict = run(args[0], variant, Duration.ofMillis(Long.parseLong(args[2])));
            } catch (OutOfMemoryError e) {
                verdict = JvmExit.outOfMemory(args[0], variant, e);
            }
            write(verdict, out);
        } catch (RuntimeException | IOException | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            System.out.flush();
            System.err.flush();
            if (hold && status == 0) {
                try {
                    Thread.sleep(HOLD_LIMIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // Leaked and deadlocked threads must not keep this JVM alive, and shutdown hooks may hang.
            Runtime.getRuntime().halt(status);
        }
    }

    /** Writes the verdict where the launcher waits for it, whole or not at all; only the first one counts. */
    static synchronized void write(Verdict verdict, Path out) throws IOException {
        if (Files.exists(out)) {
            return;
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.writeString(partial, Wire.encode(verdict), StandardCharsets.US_ASCII);
        Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Runs the scenario on a harness thread, so that code under test never blocks this one. */
    static Verdict run(String id, Variant variant, Duration budget) {
        return runOnce(id, variant, budget).verdict();
    }

    /** A trial's verdict, and whether its scenario thread had ended when the verdict was made. */
    record Ran(Verdict verdict, boolean scenarioEnded) {
    }

    static Ran runOnce(String id, Variant variant, Duration budget) {
        Pitfall<?> pitfall = Pitfalls.byId(id).orElseThrow(() -> new IllegalArgumentException("no pitfall " + id));
        return runOnce(id, variant, budget, pitfall.subject());
    }

    /** One trial of {@code implementation}, the subject as this JVM's class path has it or as a batch loaded it. */
    static Ran runOnce(String id, Variant variant, Duration budget, Class<?> implementation) {
        Pitfall<?> pitfall = Pitfalls.byId(id).orElseThrow(() -> new IllegalArgumentException("no pitfall " + id));
        Trial trial = new Trial(budget);
        Leftovers leftovers = Leftovers.before();
        AtomicReference<Finding> finding = new AtomicReference<>();
        Thread scenario = Harness.threads("scenario")
                .newThread(() -> finding.set(runScenario(pitfall, implementation, trial)));
        scenario.start();
        try {
            scenario.join(budget.plus(WIND_UP).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (finding.get() == null) {
            List<Evidence.ThreadView> stuck = ThreadViews.of(List.of(scenario.threadId()), trial.lockNames());
            String subject = pitfall.subject().getName();
            boolean inSubject = stuck.stream().flatMap(v -> v.stack().stream())
                    .anyMatch(frame -> frame.startsWith(subject + ".") || frame.startsWith(subject + "$"));
            boolean initialising = stuck.stream().flatMap(v -> v.stack().stream())
                    .anyMatch(frame -> frame.startsWith(subject + ".<clinit>"));
            finding.set(inSubject
                    ? trial.notWorking(pitfall.subject().getSimpleName() + (initialising
                            ? "'s static initialiser never finished"
                            : " never returned") + " within the budget of " + budget.toMillis() + " ms (+"
                            + WIND_UP.toMillis() + " ms): the scenario waited on it for good",
                            new Evidence.Threads("Where it was stuck", stuck))
                    : trial.inconclusive("the scenario did not finish within its budget of " + budget.toMillis()
                            + " ms (+" + WIND_UP.toMillis() + " ms to wind up); this is a bug in the scenario",
                            new Evidence.Threads("Where the scenario was stuck", stuck)));
        }
        long scenarioMillis = trial.elapsedMillis();
        boolean ended = !scenario.isAlive();
        Finding judged = finding.get();
        if (ended) {
            try {
                judged = leftovers.judge(judged, trial);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (judged.outcome() == Outcome.NOT_OBSERVABLE && !pitfall.failureMayBeUnobservable()) {
            judged = new Finding(Outcome.INCONCLUSIVE, null, "the scenario said NOT_OBSERVABLE, which " + id
                    + " does not declare it may be (a bug in the scenario): " + judged.summary(), judged.evidence(),
                    judged.evidenceAtMillis());
        }
        return new Ran(Verdict.of(id, variant, judged, scenarioMillis), ended);
    }

    @SuppressWarnings("unchecked") // a class of the subject's name, loaded on the class path or from a learner's folder
    private static <C> Finding runScenario(Pitfall<C> pitfall, Class<?> implementation, Trial trial) {
        try {
            return pitfall.run((Class<? extends C>) implementation, trial);
        } catch (Subjects.SubjectException e) {
            return trial.notWorking(e.getMessage());
        } catch (OutOfMemoryError e) {
            return trial.notWorking(JvmExit.outOfMemory(e));
        } catch (Throwable e) {
            if (thrownBy(e, pitfall.subject())) {
                Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
                return trial.notWorking(pitfall.subject().getSimpleName() + (cause == e
                        ? " threw " + e
                        : "'s static initialiser threw " + cause));
            }
            return trial.inconclusive("the scenario failed (a bug in the harness, not in the code under test): " + e);
        }
    }

    private static boolean thrownBy(Throwable e, Class<?> subject) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().equals(subject.getName())
                        || frame.getClassName().startsWith(subject.getName() + "$")) {
                    return true;
                }
            }
        }
        return false;
    }
}
