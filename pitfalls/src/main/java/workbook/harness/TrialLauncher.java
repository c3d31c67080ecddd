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
 */
public final class TrialLauncher {

    /** The scenario's budget when nobody asks for another. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

    /** Time for the JVM to start, the scenario to wind up and the verdict to be written, past the budget. */
    static final Duration SLACK = TrialMain.WIND_UP.plusSeconds(7);

    private static final int OUTPUT_TAIL_CHARS = 4_000;

    private final String mainClass;
    private final Duration slack;

    public TrialLauncher() {
        this(TrialMain.class.getName(), SLACK);
    }

    /** A launcher of another main class, which receives the same arguments: for testing the launcher itself. */
    TrialLauncher(String mainClass, Duration slack) {
        this.mainClass = mainClass;
        this.slack = slack;
    }

    /** Runs the broken or the fixed example. */
    public Verdict run(String pitfall, Variant variant, Duration budget) {
        return run(pitfall, variant, null, budget);
    }

    /** Runs a variant; {@code mine} is the folder of the learner's compiled classes, for {@link Variant#MINE}. */
    public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
        Path work = null;
        Process process = null;
        long start = System.nanoTime();
        try {
            work = Files.createTempDirectory("workbook-trial-");
            Path verdictFile = work.resolve("verdict.json");
            Path output = work.resolve("output.txt");
            process = new ProcessBuilder(command(pitfall, variant, mine, budget, verdictFile))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            Duration deadline = budget.plus(slack);
            boolean exited = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String tail = tail(output);
            if (!exited) {
                return undecided(pitfall, variant, millis, tail, "the trial JVM did not report within "
                        + deadline.toMillis() + " ms and was killed");
            }
            if (!Files.exists(verdictFile)) {
                return undecided(pitfall, variant, millis, tail, "the trial JVM exited with code "
                        + process.exitValue() + " before reporting (did the code under test call System.exit?)");
            }
            return VerdictJson.read(Files.readString(verdictFile)).withTrial(millis, tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a trial JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return undecided(pitfall, variant, Duration.ofNanos(System.nanoTime() - start).toMillis(), "",
                    "the trial was interrupted");
        } finally {
            kill(process);
            deleteQuietly(work);
        }
    }

    private List<String> command(String pitfall, Variant variant, Path mine, Duration budget, Path verdictFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // One GC thread and a modest heap: less noise on a small machine, and a runaway allocation ends fast.
        command.addAll(List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xss1m", "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=/dev/null"));
        command.add("-cp");
        command.add(TrialClasspath.forVariant(variant, mine));
        command.add(mainClass);
        command.addAll(List.of(pitfall, variant.name(), Long.toString(budget.toMillis()), verdictFile.toString()));
        return command;
    }

    private static Verdict undecided(String pitfall, Variant variant, long millis, String output, String why) {
        return new Verdict(pitfall, variant, Outcome.INCONCLUSIVE, null, why, List.of(),
                new Verdict.Timings(millis, 0, 0), output);
    }

    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path output) throws IOException {
        if (!Files.exists(output)) {
            return "";
        }
        // Decoded leniently: the code under test may print anything.
        String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).strip();
        return text.length() <= OUTPUT_TAIL_CHARS ? text : "..." + text.substring(text.length() - OUTPUT_TAIL_CHARS);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is not worth failing a verdict for.
        }
    }
}
