package workbook.runner.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import workbook.harness.Processes;
import workbook.runner.suite.Stats;

/**
 * Commands timed as a learner runs them: the launcher script started from a shell-like process, in a workspace of
 * the benchmark's own (the learner's is never touched), from its start to its end, JVM starts and all. Every process
 * has a deadline and is killed, with what it started, when it passes it.
 */
public final class ShellTimings {

    /** One command's time, or why it has none. */
    public record Timed(long millis, int exitCode, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** A command timed several times: order statistics of the runs that ended, and how many did not. */
    public record Runs(Stats millis, int runs, int failed, String firstProblem) {
    }

    /** The REPL: until its prompt, and until the verdict of a first {@code /run}. */
    public record Repl(long promptMillis, long firstRunMillis, String problem) {
    }

    static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    static final Duration VERIFY_LIMIT = Duration.ofMinutes(20);
    static final Duration REPL_LIMIT = Duration.ofSeconds(120);
    /** A REPL's prompt, as a dumb terminal shows it: the lesson's id. */
    private static final Pattern PROMPT = Pattern.compile("(?m)^[a-z][a-z0-9-]*> ");
    /** The first line of a verdict, as {@code /run} prints it. */
    private static final Pattern VERDICT = Pattern.compile("\\((broken|fixed|mine)\\): [A-Z_]+");

    private final Path launcher;
    private final Path home;

    ShellTimings(Path launcher, Path home) {
        this.launcher = launcher;
        this.home = home;
    }

    /** Runs the launcher once untimed: a build or a start-up cache it makes then is not counted in any time. */
    Timed warmUp() {
        return time(List.of("--version"), RUN_LIMIT);
    }

    /** {@code workbook run <id>}, {@code runs} times. */
    Runs run(String id, int runs) {
        List<Long> times = new ArrayList<>();
        int failed = 0;
        String problem = null;
        for (int i = 0; i < runs; i++) {
            Timed timed = time(List.of("run", id), RUN_LIMIT);
            if (timed.ok()) {
                times.add(timed.millis());
            } else {
                failed++;
                problem = problem == null ? timed.problem() : problem;
            }
        }
        return new Runs(Stats.of(times), runs, failed, problem);
    }

    /** {@code workbook verify --trials 1} over the whole catalog (its default: three pitfalls side by side). */
    Timed verifyCatalog() {
        return time(List.of("verify", "--trials", "1"), VERIFY_LIMIT);
    }

    /** The REPL opened at the benchmark workspace's first lesson, {@code /run} typed at once. */
    Repl repl() {
        Process process = null;
        try {
            Path output = Files.createTempFile(home, "repl-", ".out");
            long start = System.nanoTime();
            process = builder(List.of()).redirectOutput(output.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write("/run\n".getBytes(StandardCharsets.UTF_8));
            }
            long deadline = start + REPL_LIMIT.toNanos();
            long prompt = -1;
            long run = -1;
            while (run < 0 && System.nanoTime() < deadline && process.isAlive()) {
                String text = Files.readString(output, StandardCharsets.UTF_8);
                long now = System.nanoTime();
                if (prompt < 0 && PROMPT.matcher(text).find()) {
                    prompt = now - start;
                }
                if (VERDICT.matcher(text).find()) {
                    run = now - start;
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            boolean ended = !process.isAlive();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            // What it printed before it ended, between two looks.
            long last = System.nanoTime() - start;
            prompt = prompt < 0 && PROMPT.matcher(text).find() ? last : prompt;
            run = run < 0 && VERDICT.matcher(text).find() ? last : run;
            if (prompt < 0 || run < 0) {
                return new Repl(-1, -1, "the REPL showed " + (prompt < 0 ? "no prompt" : "no verdict for /run")
                        + (ended ? " before it ended" : " within " + REPL_LIMIT.toSeconds() + " s") + ": "
                        + tail(text));
            }
            return new Repl(TimeUnit.NANOSECONDS.toMillis(prompt), TimeUnit.NANOSECONDS.toMillis(run), null);
        } catch (IOException e) {
            return new Repl(-1, -1, "the REPL could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Repl(-1, -1, "interrupted");
        } finally {
            Processes.kill(process);
        }
    }

    private Timed time(List<String> arguments, Duration limit) {
        Process process = null;
        try {
            Path output = Files.createTempFile(home, "command-", ".out");
            long start = System.nanoTime();
            process = builder(arguments).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (!ended) {
                return new Timed(millis, -1, "workbook " + String.join(" ", arguments) + " did not end within "
                        + limit.toSeconds() + " s");
            }
            int exit = process.exitValue();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            // 0 is as expected; 1 an unexpected outcome (its own benchmark counts those): both are timed runs.
            return exit <= 1
                    ? new Timed(millis, exit, null)
                    : new Timed(millis, exit, "workbook " + String.join(" ", arguments) + " exited with " + exit
                            + ": " + tail(text));
        } catch (IOException e) {
            return new Timed(-1, -1, "cannot start " + launcher + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Timed(-1, -1, "interrupted");
        } finally {
            Processes.kill(process);
        }
    }

    private ProcessBuilder builder(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WORKBOOK_HOME", home.toString());
        builder.environment().remove("COLUMNS");
        return builder;
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 300 ? trimmed : "..." + trimmed.substring(trimmed.length() - 300);
    }

    /** The launcher that started this JVM, if it said so ({@code -Dworkbook.launcher}). */
    static Optional<Path> launcher() {
        String path = System.getProperty("workbook.launcher");
        return path == null || !Files.isExecutable(Path.of(path)) ? Optional.empty() : Optional.of(Path.of(path));
    }
}
