package workbook.staleflag;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The simulation's thread, as the scenario finds and watches it: the code it runs, and the CPU time it used. */
final class Worker {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The harness's threads: never the simulation's. */
    private static final String HARNESS = "workbook-";

    private final Thread thread;
    private final String subject;
    private StackTraceElement frame;

    Worker(Thread thread, Class<?> subject) {
        this.thread = thread;
        this.subject = subject.getName();
        sample();
    }

    /** The new thread, started since {@code before}, that runs the subject's code, waiting for it a while. */
    static Optional<Thread> find(Class<?> subject, Set<Thread> before, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            Optional<Thread> found = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> !before.contains(e.getKey()) && !e.getKey().getName().startsWith(HARNESS))
                    .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> of(subject.getName(), f)))
                    .map(java.util.Map.Entry::getKey).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(1);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    /** Looks where the thread is now: true if in the subject's code (the top-most frame of it is the loop's). */
    boolean sample() {
        for (StackTraceElement f : thread.getStackTrace()) {
            if (of(subject, f)) {
                frame = f;
                return true;
            }
        }
        return false;
    }

    Thread thread() {
        return thread;
    }

    String name() {
        return thread.getName();
    }

    /** The class of the method that runs the loop, as the JIT names it. */
    String loopClass() {
        return frame == null ? subject : frame.getClassName();
    }

    String loopMethod() {
        return frame == null ? "?" : frame.getMethodName();
    }

    /** E.g. "RiskSimulator.simulate". */
    String loop() {
        String className = loopClass();
        return className.substring(className.lastIndexOf('.') + 1) + "." + loopMethod();
    }

    /** Where the thread is now, as a stack frame shows it: "RiskSimulator.simulate(RiskSimulator.java:30)". */
    String where() {
        sample();
        return frame == null
                ? "code outside " + subject
                : loop() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")";
    }

    /** The CPU time the thread used so far (-1 once it has ended). */
    long cpuNanos() {
        return THREADS.getThreadCpuTime(thread.threadId());
    }

    private static boolean of(String subject, StackTraceElement frame) {
        return frame.getClassName().equals(subject) || frame.getClassName().startsWith(subject + "$");
    }
}
