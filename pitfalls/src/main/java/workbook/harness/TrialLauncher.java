package workbook.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a trial in a JVM of its own, with a hard deadline, and kills it afterwards: whatever the code under test
 * does (leak, spin, deadlock, exit), the caller gets a verdict in bounded time and inherits none of the mess.
 * Not final, so that tests of its callers can stand a fake in for it.
 */
public class TrialLauncher {

    /** The scenario's budget when nobody asks for another. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

    /** Time for the JVM to start, the scenario to wind up and the verdict to be written, past the budget. */
    static final Duration SLACK = TrialMain.WIND_UP.plusSeconds(7);

    private static final int OUTPUT_TAIL_CHARS = 4_000;
    /** What is kept of a trial's output while it runs: a tail, however much it prints. */
    private static final int OUTPUT_KEPT_BYTES = 64 * 1024;

    private final String mainClass;
    private final Duration slack;
    /** The JDK the trial JVMs run on; null for this JVM's. */
    private final Path javaHome;

    public TrialLauncher() {
        this(TrialMain.class.getName(), SLACK, null);
    }

    /** A launcher of another main class, which receives the same arguments: for testing the launcher itself. */
    TrialLauncher(String mainClass, Duration slack) {
        this(mainClass, slack, null);
    }

    private TrialLauncher(String mainClass, Duration slack, Path javaHome) {
        this.mainClass = mainClass;
        this.slack = slack;
        this.javaHome = javaHome;
    }

    /**
     * A launcher whose trial JVMs run on the JDK at {@code home} (21 or newer: the harness's classes are compiled for
     * it), for a regression suite over several JDKs: this launcher itself if its trials run there already.
     */
    public TrialLauncher onJdk(Path home) {
        Path normalized = home.toAbsolutePath().normalize();
        if (normalized.equals(javaHome == null ? thisJavaHome() : javaHome)) {
            return this;
        }
        return new TrialLauncher(mainClass, slack, normalized.equals(thisJavaHome()) ? null : normalized);
    }

    private static Path thisJavaHome() {
        return Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    }

    /** Runs the broken or the fixed example. */
    public Verdict run(String pitfall, Variant variant, Duration budget) {
        return run(pitfall, variant, null, budget);
    }

    /** Runs a variant; {@code mine} is the folder of the learner's compiled classes, for {@link Variant#MINE}. */
    public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
        try (Held held = start(pitfall, variant, mine, budget, false)) {
            return held.verdict();
        }
    }

    /**
     * Runs a variant and keeps its JVM alive after the verdict, with whatever threads the code under test left,
     * for a learner to inspect with the JDK's tools. Closing the result kills the JVM.
     */
    public Held hold(String pitfall, Variant variant, Path mine, Duration budget) {
        return start(pitfall, variant, mine, budget, true);
    }

    /** A trial's verdict, and its JVM while it is held. */
    public static final class Held implements AutoCloseable {
        private final Verdict verdict;
        private final Process process;
        private final Path work;

        Held(Verdict verdict, Process process, Path work) {
            this.verdict = verdict;
            this.process = process;
            this.work = work;
        }

        /** A trial already over: nothing to hold. */
        public static Held finished(Verdict verdict) {
            return new Held(verdict, null, null);
        }

        public Verdict verdict() {
            return verdict;
        }

        /** The trial JVM's process id, while it is alive. */
        public java.util.OptionalLong pid() {
            return process != null && process.isAlive()
                    ? java.util.OptionalLong.of(process.pid())
                    : java.util.OptionalLong.empty();
        }

        @Override
        public void close() {
            Processes.kill(process);
            Processes.deleteQuietly(work);
        }
    }

    /**
     * What a batch of trials in one JVM gave: a verdict per trial run, and why it stopped early, if it did.
     *
     * @param cutShort whether the JVM ended (or was killed) in the middle of the trial after the last verdict, rather
     *        than stopping cleanly between trials
     */
    public record Batch(List<Verdict> verdicts, String stoppedEarly, boolean cutShort) {
        /** A batch that ran, or stopped cleanly between two trials. */
        public Batch(List<Verdict> verdicts, String stoppedEarly) {
            this(verdicts, stoppedEarly, false);
        }
    }

    /**
     * Runs {@code count} trials of a variant one after another in one JVM, for a benchmark; only for a pitfall whose
     * trials share a JVM ({@link Pitfall#trialsShareJvm()}). Each verdict's trial time is its scenario's time, with no
     * JVM start in it. {@code progress} hears the number of trials done so far.
     */
    public Batch runBatch(String pitfall, Variant variant, Duration budget, int count,
            java.util.function.IntConsumer progress) {
        return batch(pitfall, variant, budget, count, List.of("batch", Integer.toString(count)), progress);
    }

    /**
     * Runs one trial of each learner's classes (a folder each, compiled fixes of the pitfall's subject) one after
     * another in one JVM, for the wrong-fix suite; only for a pitfall whose trials share a JVM. A fix that ends or
     * wrecks the JVM cuts the batch short ({@link Batch#cutShort()}): the caller runs it alone and the rest anew.
     */
    public Batch runLearners(String pitfall, List<Path> learners, Duration budget) {
        List<String> arguments = new ArrayList<>(List.of("learners"));
        learners.forEach(folder -> arguments.add(folder.toAbsolutePath().toString()));
        return batch(pitfall, Variant.MINE, budget, learners.size(), arguments, done -> {
        });
    }

    private Batch batch(String pitfall, Variant variant, Duration budget, int count, List<String> arguments,
            java.util.function.IntConsumer progress) {
        Path work = null;
        Process process = null;
        try {
            work = Processes.scratch(Files.createTempDirectory("workbook-batch-"));
            Path verdictFile = work.resolve("verdicts.txt");
            // A batch of learners' fixes loads each from its folder: the JVM's class path is the broken variant's.
            List<String> command = command(pitfall, variant, variant == Variant.MINE ? Variant.BROKEN : variant, null,
                    budget, verdictFile, false);
            command.addAll(arguments);
            process = isolated(new ProcessBuilder(command), work).redirectErrorStream(true).start();
            OutputTail output = OutputTail.of(process, OUTPUT_KEPT_BYTES);
            Duration perTrial = budget.plus(TrialMain.WIND_UP).plus(TrialBatch.GRACE);
            long deadline = System.nanoTime() + perTrial.multipliedBy(count).plus(slack).toNanos();
            while (process.isAlive() && System.nanoTime() < deadline) {
                process.waitFor(200, TimeUnit.MILLISECONDS);
                progress.accept(lines(verdictFile).size());
            }
            boolean ended = !process.isAlive();
            Processes.kill(process);
            List<Verdict> verdicts = new ArrayList<>();
            String stopped = null;
            boolean cutShort = false;
            for (String line : lines(verdictFile)) {
                if (line.startsWith(TrialBatch.STOPPED)) {
                    stopped = line.substring(TrialBatch.STOPPED.length());
                } else {
                    try {
                        Verdict verdict = Wire.decode(line, Verdict.class);
                        verdicts.add(verdict.withTrial(verdict.timings().scenarioMillis(), ""));
                    } catch (IllegalArgumentException e) {
                        stopped = "verdict " + (verdicts.size() + 1) + " could not be read: " + e.getMessage();
                        cutShort = true;
                        break;
                    }
                }
            }
            progress.accept(verdicts.size());
            if (stopped == null && verdicts.size() < count) {
                String how = ended ? "exited with code " + process.exitValue() : "was killed at its deadline";
                stopped = "the batch JVM " + how + " after " + verdicts.size() + " of " + count + " trials: "
                        + output.text(OUTPUT_TAIL_CHARS);
                cutShort = true;
            }
            return new Batch(verdicts, stopped, cutShort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a batch JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Batch(List.of(), "the batch was interrupted", true);
        } finally {
            Processes.kill(process);
            Processes.deleteQuietly(work);
        }
    }

    /** The complete lines of a file another process is still appending to. */
    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int complete = text.lastIndexOf('\n') + 1;
        return text.substring(0, complete).lines().toList();
    }

    private Held start(String pitfall, Variant variant, Path mine, Duration budget, boolean hold) {
        Path work = null;
        Process process = null;
        long start = System.nanoTime();
        boolean handedOver = false;
        try {
            work = Processes.scratch(Files.createTempDirectory("workbook-trial-"));
            Path verdictFile = work.resolve("verdict.txt");
            process = isolated(new ProcessBuilder(command(pitfall, variant, variant, mine, budget, verdictFile, hold)),
                    work)
                    .redirectErrorStream(true).start();
            OutputTail output = OutputTail.of(process, OUTPUT_KEPT_BYTES);
            Duration deadline = budget.plus(slack);
            boolean reported = hold
                    ? awaitFile(verdictFile, process, deadline)
                    : process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String tail = output.text(OUTPUT_TAIL_CHARS);
            Verdict verdict;
            if (!reported) {
                verdict = undecided(pitfall, variant, millis, tail, "the trial JVM did not report within "
                        + deadline.toMillis() + " ms and was killed");
            } else if (!Files.exists(verdictFile)) {
                verdict = ended(pitfall, variant, millis, tail, process.exitValue());
            } else {
                verdict = read(verdictFile, pitfall, variant, millis, tail);
                if (verdict.summary().startsWith(JvmExit.ENDED) && !process.isAlive()) {
                    verdict = verdict.withSummary(verdict.summary().replace(JvmExit.ENDED,
                            JvmExit.ENDED + " with exit status " + process.exitValue()));
                }
            }
            if (hold && process.isAlive()) {
                handedOver = true;
                return new Held(verdict, process, work);
            }
            return new Held(verdict, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a trial JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Held(undecided(pitfall, variant, Duration.ofNanos(System.nanoTime() - start).toMillis(), "",
                    "the trial was interrupted"), null, null);
        } finally {
            if (!handedOver) {
                Processes.kill(process);
                Processes.deleteQuietly(work);
            }
        }
    }

    /**
     * A trial runs the learner's code: it starts in a scratch folder of its own (relative paths land there), and its
     * environment names none of the workbook's places.
     */
    private static ProcessBuilder isolated(ProcessBuilder builder, Path scratch) {
        builder.directory(scratch.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WORKBOOK_") || name.equals("OLDPWD"));
        builder.environment().put("PWD", scratch.toString());
        return builder;
    }

    private static Verdict read(Path verdictFile, String pitfall, Variant variant, long millis, String tail)
            throws IOException {
        try {
            return Wire.decode(Files.readString(verdictFile, StandardCharsets.US_ASCII), Verdict.class)
                    .withTrial(millis, tail);
        } catch (IllegalArgumentException e) {
            return undecided(pitfall, variant, millis, tail, "the trial JVM's verdict could not be read: "
                    + e.getMessage());
        }
    }

    /** Waits for the verdict file of a held trial (its JVM does not exit), or for the JVM to end, or the deadline. */
    private static boolean awaitFile(Path file, Process process, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(file) || !process.isAlive()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The trial JVM's command: it runs {@code variant}, on the class path arranged for {@code classPathOf}. */
    private List<String> command(String pitfall, Variant variant, Variant classPathOf, Path mine, Duration budget,
            Path verdictFile, boolean hold) {
        List<String> command = new ArrayList<>();
        command.add((javaHome == null ? thisJavaHome() : javaHome).resolve("bin").resolve("java").toString());
        // One GC thread and a modest heap: less noise on a small machine, and a runaway allocation ends fast.
        command.addAll(List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xss1m"));
        // System.gc() in the code under test must not hide a leak of threads that end only when collected.
        command.add("-XX:+DisableExplicitGC");
        if (javaHome == null) {
            // The cache is this JDK's: another JDK cannot map it (and a JDK before 25 does not know the option).
            command.addAll(AotCache.options());
        }
        command.add("-cp");
        command.add(TrialClasspath.forVariant(classPathOf, mine));
        command.add(mainClass);
        command.addAll(List.of(pitfall, variant.name(), Long.toString(budget.toMillis()), verdictFile.toString()));
        if (hold) {
            command.add("hold");
        }
        return command;
    }

    /** Statuses of a JVM that died of a signal: a crash (SIGABRT, SIGSEGV) or a kill from outside (SIGKILL). */
    private static final java.util.Set<Integer> DIED = java.util.Set.of(134, 137, 139);

    /** A trial JVM that ended without a verdict and without its shutdown hooks (which report a System.exit). */
    private static Verdict ended(String pitfall, Variant variant, long millis, String tail, int status) {
        if (DIED.contains(status)) {
            return undecided(pitfall, variant, millis, tail, "the trial JVM died (exit status " + status
                    + ", a signal) before reporting: a crash of the JVM, or a kill from outside");
        }
        return new Verdict(pitfall, variant, Outcome.NOT_WORKING, null, JvmExit.ENDED + " with exit status " + status
                + " before the scenario could finish, without running its shutdown hooks (Runtime.halt): a fix must"
                + " never end the JVM", List.of(), new Verdict.Timings(millis, 0, 0), tail);
    }

    private static Verdict undecided(String pitfall, Variant variant, long millis, String output, String why) {
        return new Verdict(pitfall, variant, Outcome.INCONCLUSIVE, null, why, List.of(),
                new Verdict.Timings(millis, 0, 0), output);
    }

}
