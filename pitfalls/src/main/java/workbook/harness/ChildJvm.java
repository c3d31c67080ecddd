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
    static final String STUCK_MARKER = "@@workbook-stuck-threads ";
    static final String STUCK_REPORT_PROPERTY = "workbook.child.reportStuckAfterMillis";
    /** How long before the deadline the child lists its threads if {@code main} has not returned by then. */
    static final Duration STUCK_REPORT_BEFORE_DEADLINE = Duration.ofMillis(600);
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
     * @param stuck the program's threads, {@code main} first, shortly before the deadline if {@code main} had not
     *        returned by then; empty otherwise
     * @param keptPid the process id of a child left running for a held trial, or -1
     */
    public record Result(boolean exited, int exitCode, String output, List<ThreadView> lingering,
            List<ThreadView> stuck, long millis, long keptPid) {
        public Result {
            lingering = List.copyOf(lingering);
            stuck = List.copyOf(stuck);
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
        return run(mainClass, properties, args, deadline, false);
    }

    /**
     * As {@link #run(Class, Map, List, Duration)}; with {@code keep}, a child that has not exited by the deadline is
     * left running (for a held trial, to be looked at with jstack); it ends when this JVM does.
     */
    public static Result run(Class<?> mainClass, Map<String, String> properties, List<String> args,
            Duration deadline, boolean keep) {
        Path output = null;
        Process process = null;
        long start = System.nanoTime();
        try {
            output = Files.createTempFile("workbook-child-", ".txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+UseSerialGC", "-Xmx128m"));
            command.addAll(AotCache.options());
            properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            long stuckReport = Math.max(deadline.toMillis() / 2,
                    deadline.minus(STUCK_REPORT_BEFORE_DEADLINE).toMillis());
            command.add("-D" + STUCK_REPORT_PROPERTY + "=" + stuckReport);
            command.addAll(List.of("-cp", TrialClasspath.ofThisTrial(), ChildMain.class.getName(),
                    mainClass.getName()));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean exited = awaitExit(process, output, deadline);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int exitCode = exited ? process.exitValue() : -1;
            long keptPid = -1;
            if (keep && !exited) {
                // Left running: it ends with this JVM all the same (ChildMain ends with its parent).
                keptPid = process.pid();
                process = null;
            }
            Processes.kill(process);
            return parse(exited, exitCode, new String(Files.readAllBytes(output), StandardCharsets.UTF_8), millis,
                    keptPid);
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

    /** The threads the child lists, as it reports them ({@link Wire}). */
    private record Report(List<ThreadView> threads) implements Serializable {
    }

    private static Result parse(boolean exited, int exitCode, String text, long millis, long keptPid) {
        StringBuilder output = new StringBuilder();
        List<ThreadView> lingering = List.of();
        List<ThreadView> stuck = List.of();
        for (String line : text.lines().toList()) {
            if (line.equals(RETURNED_MARKER)) {
                continue;
            }
            String marker = line.startsWith(THREADS_MARKER)
                    ? THREADS_MARKER
                    : line.startsWith(STUCK_MARKER) ? STUCK_MARKER : null;
            List<ThreadView> report = marker == null ? null : decode(line.substring(marker.length()));
            if (report == null) {
                output.append(line).append('\n'); // not a report, or one run into by the program's own output
            } else if (marker.equals(THREADS_MARKER)) {
                lingering = report;
            } else {
                stuck = report;
            }
        }
        return new Result(exited, exitCode, output.toString(), lingering, stuck, millis, keptPid);
    }

    private static List<ThreadView> decode(String report) {
        try {
            return Wire.decode(report, Report.class).threads();
        } catch (IllegalArgumentException garbled) {
            return null;
        }
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
            Thread main = Thread.currentThread();
            Thread stuckWatch = Harness.threads("stuck-watch").newThread(() -> reportStuckThreads(main));
            stuckWatch.start();
            try {
                program.getMethod("main", String[].class).invoke(null, (Object) programArgs);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            } finally {
                stuckWatch.interrupt();
                System.out.println(RETURNED_MARKER);
                System.out.flush();
                Thread watcher = Harness.threads("exit-watch").newThread(ChildMain::reportLingeringThreads);
                watcher.start();
            }
        }

        /** If main is still in the program when the parent is about to give up, what every program thread does. */
        private static void reportStuckThreads(Thread main) {
            try {
                Thread.sleep(Long.getLong(STUCK_REPORT_PROPERTY, Long.MAX_VALUE));
            } catch (InterruptedException returned) {
                return;
            }
            List<Long> ids = new ArrayList<>(List.of(main.threadId()));
            Thread.getAllStackTraces().keySet().stream().filter(t -> t != main && isProgramThread(t))
                    .map(Thread::threadId).forEach(ids::add);
            List<ThreadView> threads = new ArrayList<>(ThreadViews.of(ids, new LockNames()));
            if (!threads.isEmpty() && threads.get(0).name().equals(main.getName())) {
                threads.set(0, belowProgramMain(threads.get(0)));
            }
            System.out.println(STUCK_MARKER + Wire.encode(new Report(threads)));
            System.out.flush();
        }

        /** Not the JDK's own (cleaner, process reaper, ...) nor the workbook's. */
        private static boolean isProgramThread(Thread thread) {
            return thread.isAlive() && !thread.getName().startsWith(Harness.THREAD_PREFIX)
                    && !thread.getName().startsWith("process reaper")
                    && !thread.getClass().getName().startsWith("jdk.internal.")
                    && thread.getThreadGroup() != null && !thread.getThreadGroup().getName().equals("system");
        }

        /** main's stack without the reflection and the ChildMain frames that called the program's main. */
        private static ThreadView belowProgramMain(ThreadView main) {
            List<String> stack = new ArrayList<>();
            for (String frame : main.stack()) {
                stack.add(frame);
                if (frame.contains(".main(")) {
                    break;
                }
            }
            return new ThreadView(main.name(), main.state(), main.waitingOn(), main.ownedBy(), main.holds(), stack);
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
