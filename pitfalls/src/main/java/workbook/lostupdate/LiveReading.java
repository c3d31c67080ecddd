package workbook.lostupdate;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import workbook.harness.Evidence;
import workbook.harness.Finding;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * A dashboard reads {@code views()} while the requests record views: once they are done, it must see their count. A
 * reader that does not is left polling (nothing can stop a loop that no longer reads memory): its daemon thread ends
 * with the trial's JVM, and a JVM that trials share is not used again ({@code TrialBatch} sees it left behind).
 */
final class LiveReading {

    /** How long the dashboard polls before the requests start: long enough for the JIT to compile its loop. */
    static final Duration MIN_WARM_UP = Duration.ofMillis(20);
    static final Duration MAX_WARM_UP = Duration.ofMillis(60);
    /** How long after the last view the dashboard may take to see the count: a read takes nanoseconds. */
    static final Duration SEE_WITHIN = Duration.ofMillis(500);

    private LiveReading() {
    }

    /** Reads the count until it reaches the target; returns the last count read. */
    interface Dashboard {
        long readUntil(ViewCounter counter, long target);
    }

    /** Null if the dashboard saw every view recorded; otherwise why the counter does not work. */
    static Finding watch(Class<? extends ViewCounter> implementation, Trial trial) throws Exception {
        ViewCounter counter = Subjects.create(implementation);
        long target = LostUpdate.THREADS * LostUpdate.VIEWS_PER_THREAD;
        Dashboard polling = freshPolling();
        CountDownLatch polls = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread dashboard = Thread.ofPlatform().name("dashboard").daemon().unstarted(() -> {
            polls.countDown();
            try {
                polling.readUntil(counter, target);
            } catch (RuntimeException | Error e) {
                failed.set(e);
            }
        });
        dashboard.start();
        polls.await();
        long warmUp = ThreadLocalRandom.current().nextLong(MIN_WARM_UP.toNanos(), MAX_WARM_UP.toNanos() + 1);
        LockSupport.parkNanos(warmUp);
        Stress.Result result = Stress.run("request", LostUpdate.THREADS, LostUpdate.VIEWS_PER_THREAD,
                trial.remaining(), (thread, i) -> counter.recordView());
        long lastView = System.nanoTime();
        Finding wrong = LostUpdate.judged(result, counter, "while a dashboard thread read the count", trial);
        if (wrong != null) {
            return wrong; // a count short of the views recorded: the dashboard could never have seen them all
        }
        if (result.total() != target) {
            return trial.inconclusive(String.format(Locale.ROOT, "no update was lost, but the trial's time ran out"
                    + " after %,d of the %,d views a dashboard thread was to watch being recorded",
                    result.total(), target));
        }
        dashboard.join(SEE_WITHIN);
        if (!dashboard.isAlive()) {
            return failed.get() == null
                    ? null
                    : trial.notWorking("views() threw " + failed.get() + " to a dashboard thread reading it during"
                            + " the requests");
        }
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[]{dashboard.threadId()},
                false, false)[0];
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastView);
        Evidence.Threads where = new Evidence.Threads("Where the dashboard was",
                List.of(ThreadViews.of(info, trial.lockNames())));
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "views() never returned to a dashboard thread reading it during the requests (%s, %,d ms after"
                            + " the last view)",
                    info.getThreadState(), waited), where);
        }
        return trial.notWorking(String.format(Locale.ROOT,
                "every view was counted, but a dashboard thread reading views() while %d threads recorded %,d views"
                        + " never saw the count reach %,d: it was still reading, %,d ms after the last view, though"
                        + " the counter, read afterwards, says %,d. Nothing orders its reads after the writes (no lock"
                        + " shared with recordView(), no volatile read), so it may keep a count it read once",
                LostUpdate.THREADS, target, target, waited, target), where);
    }

    /** The dashboard's loop, in a class of its own for this watch: its call to views() knows one counter class. */
    private static Dashboard freshPolling() throws IOException, ReflectiveOperationException {
        byte[] bytes;
        try (InputStream in = Polling.class.getResourceAsStream(Polling.class.getSimpleName() + ".class")) {
            bytes = in.readAllBytes();
        }
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
        try {
            return (Dashboard) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make the dashboard", e);
        }
    }
}
