package workbook.harness;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import workbook.harness.Evidence.ThreadView;

/**
 * Runs a program's {@code main} in a JVM of its own, for pitfalls about how a JVM ends: what it wrote before it
 * exited, and whether it exits at all. The child runs on this JVM's class path (so it sees the same variant), is
 * killed at the deadline, and reports the non-daemon threads still alive after {@code main} returned. A child that
 * is still up {@link #LINGER} after its {@code main} returned is ended then, without waiting for the deadline: a slow
 * start on a busy machine uses the deadline, a JVM that will never exit does not.
 */
public final class ChildJvm {

    /** How long after {@code main} returns the child lists the threads keeping it alive. */
    static final Duration LINGER_REPORT_AFTER = Duration.ofMillis(300);
    static final String THREADS_MARKER = "@@workbook-lingering-threads ";
    static final String RETURNED_MARKER = "@@workbook-main-returned";
    /**
     * How long a JVM may stay up after {@code main} returned before it counts as kept alive: long enough for the
     * lingering-thread report, and for an orderly exit, on a busy machine.
     */
    static final Duration LINGER = Duration.ofMillis(1_000);

    private ChildJvm() {
    }

    /**
     * @param exited whether the JVM ended by itself before the deadline
     * @param exitCode its exit status, or -1 when it was killed
     * @param output what it printed (stdout and stderr together)
     * @param lingering the non-daemon threads alive {@link #LINGER_REPORT_AFTER} after {@code main} returned
     */
    public record Result(boolean exited, int exitCode, String output, List<ThreadView> lingering, long millis) {
        public Result {
            lingering = List.copyOf(lingering);
        }
    }

    public static Result run(Class<?> mainClass, List<String> args, Duration deadline) {
        return run(mainClass, Map.of(), args, deadline);
    }

    /**
     * Runs {@code mainClass} with these system properties set on the command line: for what the JVM reads before
     * {@code main} could set it (the common pool's size, for one).
     */
    public static Result run(Class<?> mainClass, Map<String, String> properties, List<String> args,
            Duration deadline) {
        Path output = null;
        Process process = null;
        long start = System.nanoTime();
        try {
            output = Files.createTempFile("workbook-child-", ".txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+UseSerialGC", "-Xmx128m"));
            properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildMain.class.getName(),
                    mainClass.getName()));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean exited = awaitExit(process, output, deadline);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int exitCode = exited ? process.exitValue() : -1;
            Processes.kill(process);
            return parse(exited, exitCode, new String(Files.readAllBytes(output), StandardCharsets.UTF_8), millis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a child JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child JVM", e);
        } finally {
            Processes.kill(process);
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Waits for the exit, up to the deadline or until the child has lingered past {@link #LINGER}. */
    private static boolean awaitExit(Process process, Path output, Duration deadline)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        long returnedAt = 0;
        while (System.nanoTime() < end) {
            if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (returnedAt == 0 && Files.readString(output, StandardCharsets.ISO_8859_1).contains(RETURNED_MARKER)) {
                returnedAt = System.nanoTime();
            }
            if (returnedAt != 0 && System.nanoTime() - returnedAt > LINGER.toNanos()) {
                return false;
            }
        }
        return false;
    }

    /** The threads still alive after {@code main} returned, as the child reports them ({@link Wire}). */
    private record Report(List<ThreadView> threads) implements Serializable {
    }

    private static Result parse(boolean exited, int exitCode, String text, long millis) {
        StringBuilder output = new StringBuilder();
        List<ThreadView> lingering = List.of();
        for (String line : text.lines().toList()) {
            if (line.equals(RETURNED_MARKER)) {
                continue;
            }
            if (line.startsWith(THREADS_MARKER)) {
                try {
                    lingering = Wire.decode(line.substring(THREADS_MARKER.length()), Report.class).threads();
                } catch (IllegalArgumentException garbled) {
                    output.append(line).append('\n'); // e.g. run into by the program's own output: no report
                }
            } else {
                output.append(line).append('\n');
            }
        }
        return new Result(exited, exitCode, output.toString(), lingering, millis);
    }

    /** The child's main: runs the program's main, then reports what keeps the JVM alive. */
    public static final class ChildMain {

        private ChildMain() {
        }

        public static void main(String[] args) throws Throwable {
            Processes.endWithParent();
            // Warm up what the report needs, so that it comes in time even on a slow, busy machine.
            Wire.encode(new Report(ThreadViews.of(List.of(Thread.currentThread().threadId()), new LockNames())));
            Class<?> program = Class.forName(args[0]);
            String[] programArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
            try {
                program.getMethod("main", String[].class).invoke(null, (Object) programArgs);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            } finally {
                System.out.println(RETURNED_MARKER);
                System.out.flush();
                Thread watcher = Harness.threads("exit-watch").newThread(ChildMain::reportLingeringThreads);
                watcher.start();
            }
        }

        private static void reportLingeringThreads() {
            try {
                Thread.sleep(LINGER_REPORT_AFTER.toMillis());
                List<Long> ids = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.isAlive() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM"))
                        .map(Thread::threadId).toList();
                System.out.println(THREADS_MARKER + Wire.encode(new Report(ThreadViews.of(ids, new LockNames()))));
                System.out.flush();
            } catch (InterruptedException e) {
                // The JVM is going away: nothing to report.
            }
        }
    }
}
