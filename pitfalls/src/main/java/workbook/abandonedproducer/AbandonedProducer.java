package workbook.abandonedproducer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Harness;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadLeakDetector;
import workbook.harness.Trial;

/**
 * Fetches a file a few times from one fast mirror and two slow ones. The slow mirrors answer only once the fetch
 * has returned, so their copies always come after the caller has left. Then the scenario waits a grace period and
 * lists the threads the fetches left alive.
 */
public final class AbandonedProducer implements Pitfall<FileSource> {

    static final int CALLS = 5;
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofMillis(500);
    /** The stacks shown; the rest are counted. */
    static final int THREADS_SHOWN = 2;

    @Override
    public String id() {
        return "abandoned-producer";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LEAK;
    }

    @Override
    public Class<FastestMirror> subject() {
        return FastestMirror.class;
    }

    @Override
    public Finding run(Class<? extends FileSource> implementation, Trial trial) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor(Harness.threads("caller"));
        try {
            ThreadLeakDetector threads = ThreadLeakDetector.snapshot();
            for (int call = 1; call <= CALLS; call++) {
                CountDownLatch callReturned = new CountDownLatch(1);
                List<Mirror> mirrors = List.of(new FakeMirror("fast", null), new FakeMirror("slow-1", callReturned),
                        new FakeMirror("slow-2", callReturned));
                FileSource source = Subjects.create(implementation, mirrors);
                String file = "report-" + call + ".pdf";
                Future<String> fetch = caller.submit(() -> source.fetch(file));
                String copy;
                try {
                    copy = fetch.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return trial.notWorking("fetch() did not return within " + CALL_LIMIT.toMillis()
                            + " ms although one mirror answered at once");
                } finally {
                    callReturned.countDown();
                }
                if (!copy.equals(file + " from fast")) {
                    return trial.notWorking("fetch() returned \"" + copy + "\", not the fast mirror's copy");
                }
            }
            List<Evidence.ThreadView> leaked = threads.survivorsAfter(GRACE, trial.lockNames());
            if (leaked.isEmpty()) {
                return trial.clean(String.format(Locale.ROOT,
                        "%d fetches returned the fastest copy, and every download thread ended within %,d ms", CALLS,
                        GRACE.toMillis()));
            }
            return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                    "%d fetches returned, yet %d threads they started are still alive %,d ms after the last one",
                    CALLS, leaked.size(), GRACE.toMillis()), new Count("threads left alive", 0, leaked.size()),
                    new Evidence.Threads(shown(leaked.size()),
                            leaked.subList(0, Math.min(THREADS_SHOWN, leaked.size()))));
        } finally {
            caller.shutdownNow();
        }
    }

    private static String shown(int leaked) {
        return leaked <= THREADS_SHOWN
                ? "The threads left alive"
                : "The first " + THREADS_SHOWN + " of the " + leaked + " threads left alive";
    }

    /** A mirror that answers at once, or only after the fetch that asked it has returned. */
    private record FakeMirror(String name, CountDownLatch answerAfter) implements Mirror {

        @Override
        public String download(String path) {
            if (answerAfter != null) {
                try {
                    answerAfter.await(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return path + " from " + name;
        }
    }
}
