package workbook.checkthenact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.LockNames;
import workbook.harness.Overlap;
import workbook.harness.ThreadViews;

/**
 * One page load: the page's requests for one user arrive together, each on a thread of its own
 * ({@code request-1 ... request-n}), released at the same moment, and each asks for the user's session.
 */
final class PageLoad {

    /**
     * One request's call of sessionFor.
     *
     * @param session what it returned, or null
     * @param failure what it threw, or null
     */
    record Call(String thread, long startNanos, long endNanos, Session session, Throwable failure) {
    }

    /**
     * How the page load went.
     *
     * @param stuck the requests still inside sessionFor when the patience was up, where they were
     * @param mostInFlight the most requests that were inside sessionFor at the same time
     */
    record Result(List<Call> calls, List<ThreadView> stuck, int mostInFlight) {
    }

    private PageLoad() {
    }

    static Result run(Sessions sessions, String user, int requests, Duration patience, LockNames names)
            throws InterruptedException {
        Queue<Call> calls = new ConcurrentLinkedQueue<>();
        Overlap inFlight = new Overlap();
        CountDownLatch ready = new CountDownLatch(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= requests; i++) {
            Thread request = Thread.ofPlatform().name("request-" + i).daemon().unstarted(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long start = System.nanoTime();
                inFlight.enter();
                try {
                    Session session = sessions.sessionFor(user);
                    calls.add(new Call(Thread.currentThread().getName(), start, System.nanoTime(), session, null));
                } catch (RuntimeException | Error e) {
                    calls.add(new Call(Thread.currentThread().getName(), start, System.nanoTime(), null, e));
                } finally {
                    inFlight.exit();
                }
            });
            threads.add(request);
            request.start();
        }
        ready.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        go.countDown();
        long end = System.nanoTime() + patience.toNanos();
        List<Long> stuck = new ArrayList<>();
        for (Thread request : threads) {
            request.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (request.isAlive()) {
                stuck.add(request.threadId());
            }
        }
        List<ThreadView> stuckViews = stuck.isEmpty() ? List.of() : ThreadViews.of(stuck, names);
        threads.forEach(Thread::interrupt);
        return new Result(List.copyOf(calls), stuckViews, inFlight.most());
    }
}
