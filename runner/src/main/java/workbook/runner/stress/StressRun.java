package workbook.runner.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.openjdk.jcstress.infra.runners.TestList;
import workbook.harness.TrialClasspath;
import workbook.harness.Variant;

/**
 * Runs one jcstress test in a JVM of its own (jcstress forks its test JVMs from it), in a folder of its own, with the
 * class path that selects the variant, as a trial's does. It is stopped, with every JVM it started, at the mode's
 * deadline or when this JVM ends. Its output goes to {@code jcstress.log} in the folder; its progress is reported as
 * it runs.
 */
public final class StressRun {

    private static final Pattern RESULTS = Pattern.compile("\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed");
    private static final Pattern ETA = Pattern.compile("\\(ETA: in (\\d\\d:\\d\\d:\\d\\d)");

    private StressRun() {
    }

    /**
     * Runs {@code test} on {@code variant}'s classes ({@code mine}: the learner's classes folder, for {@link
     * Variant#MINE}) and reads its outcomes.
     *
     * @param progress told what jcstress is doing, now and then
     */
    public static StressResult run(String pitfall, Variant variant, Path mine, String test, StressMode mode, Path dir,
            Consumer<String> progress) throws IOException, InterruptedException {
        return run(Map.of(test, pitfall), variant, mine, mode, dir, progress).getFirst();
    }

    /**
     * Runs several tests, of one variant, in one jcstress run (it probes the JVM once, for several seconds, however
     * many tests it runs): {@code tests} maps each test to its pitfall. The results are in the order of the tests'
     * names, and each has the time of the whole run.
     */
    public static List<StressResult> run(Map<String, String> tests, Variant variant, Path mine, StressMode mode,
            Path dir, Consumer<String> progress) throws IOException, InterruptedException {
        recreate(dir);
        String selection = tests.keySet().stream().sorted().map(test -> "^" + Pattern.quote(test) + "$")
                .collect(Collectors.joining("|"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", TrialClasspath.forVariant(variant, mine),
                "org.openjdk.jcstress.Main", "-t", selection, "-r", "report"));
        command.addAll(mode.arguments());
        long start = System.nanoTime();
        progress.accept("jcstress is probing this JVM");
        Process jcstress = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        Thread stopOnExit = new Thread(() -> stop(jcstress), "workbook-stress-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        List<String> problems = new ArrayList<>();
        try {
            Thread reader = Thread.ofPlatform().daemon().name("workbook-stress-output")
                    .start(() -> follow(jcstress, dir.resolve("jcstress.log"), progress));
            Duration deadline = mode.deadline(tests.size());
            if (!jcstress.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(jcstress);
                problems.add("jcstress did not finish within " + deadline.toSeconds() + " s, and was stopped");
            }
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            stop(jcstress);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // This JVM is ending: the hook runs, and stops jcstress.
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, TestResult> results = resultsOf(dir, problems);
        List<StressResult> each = new ArrayList<>();
        for (String test : tests.keySet().stream().sorted().toList()) {
            List<String> testProblems = new ArrayList<>(problems);
            List<StressResult.Row> rows = new ArrayList<>();
            TestResult result = results.get(test);
            if (result == null) {
                if (testProblems.isEmpty()) {
                    testProblems.add("jcstress wrote no result for " + test + " (its output: "
                            + dir.resolve("jcstress.log") + ")");
                }
            } else {
                if (result.status() != Status.NORMAL) {
                    testProblems.add("jcstress reports " + result.status() + " for " + test + messages(result));
                }
                for (GradingResult graded : TestGrading.grade(result).gradingResults.values()) {
                    rows.add(new StressResult.Row(graded.id, graded.count, grade(graded), graded.description));
                }
            }
            Path page = dir.resolve("report").resolve(test + ".html");
            each.add(new StressResult(tests.get(test), variant, test, TestList.getInfo(test).description(), mode, rows,
                    testProblems, took,
                    Files.exists(page) ? page.toAbsolutePath().toString() : null));
        }
        return each;
    }

    private static void follow(Process jcstress, Path log, Consumer<String> progress) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(jcstress.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log))) {
            String eta = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                copy.println(line);
                Matcher at = ETA.matcher(line);
                if (at.find()) {
                    eta = at.group(1);
                }
                Matcher results = RESULTS.matcher(line);
                if (results.find()) {
                    int done = Integer.parseInt(results.group(2)) + Integer.parseInt(results.group(3));
                    progress.accept("jcstress: " + done + " of " + results.group(1) + " runs done"
                            + (eta == null || done == Integer.parseInt(results.group(1))
                                    ? ""
                                    : ", about " + eta
                                            + " left"));
                } else if (line.startsWith("Probing what VM configurations")) {
                    progress.accept("jcstress is choosing its JVM configurations");
                } else if (line.contains("Test configuration:")) {
                    progress.accept("jcstress is starting its test JVMs");
                }
            }
        } catch (IOException e) {
            progress.accept("jcstress's output could not be read: " + e.getMessage());
        }
    }

    /** The results jcstress wrote in the folder, each test's merged across its runs, by test name. */
    private static Map<String, TestResult> resultsOf(Path dir, List<String> problems) throws IOException {
        Optional<Path> file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .max(Comparator.comparing(Path::toString));
        }
        if (file.isEmpty()) {
            return Map.of();
        }
        InProcessCollector collector = new InProcessCollector();
        try {
            DiskReadCollector reader = new DiskReadCollector(file.get().toString(), collector);
            reader.dump();
            reader.close();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            problems.add("jcstress's results could not be read: " + e);
            return Map.of();
        }
        Map<String, TestResult> byName = new HashMap<>();
        ReportUtils.mergedByName(collector.getTestResults()).forEach(r -> byName.put(r.getName(), r));
        return byName;
    }

    private static String messages(TestResult result) {
        List<String> shown = result.getMessages().stream().filter(m -> !ReportUtils.skipMessage(m)).limit(12)
                .toList();
        return shown.isEmpty() ? "" : ":\n  " + String.join("\n  ", shown);
    }

    private static StressResult.Grade grade(GradingResult graded) {
        return switch (graded.expect) {
            case ACCEPTABLE -> StressResult.Grade.ACCEPTABLE;
            case ACCEPTABLE_INTERESTING -> StressResult.Grade.INTERESTING;
            case FORBIDDEN -> StressResult.Grade.FORBIDDEN;
            case UNKNOWN -> StressResult.Grade.UNKNOWN;
        };
    }

    private static void stop(Process jcstress) {
        jcstress.descendants().forEach(ProcessHandle::destroyForcibly);
        jcstress.destroyForcibly();
    }

    /** Clears what an earlier run left in the folder (and nothing else), or creates it. */
    private static void recreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> earlier = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz|jcstress\\.log"))
                    .forEach(earlier::add);
        }
        Path report = dir.resolve("report");
        if (Files.isDirectory(report)) {
            try (Stream<Path> pages = Files.walk(report)) {
                pages.sorted(Comparator.reverseOrder()).forEach(earlier::add);
            }
        }
        for (Path path : earlier) {
            Files.delete(path);
        }
    }
}
