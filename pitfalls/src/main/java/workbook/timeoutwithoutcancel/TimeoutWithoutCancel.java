package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import workbook.harness.CancellationProbe;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.NamedPool;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.Waits;
import workbook.harness.WatchedCall;

/**
 * A first page to warm up, then six product pages in a drawn order, each asking for one user's recommendations with a drawn timeout: three
 * queries come in well within it, three take several times as long. A page that falls back while its query goes
 * on, step after step, holding its connection, is the pitfall. Otherwise each fast answer must be returned, each
 * fallback returned when the timeout has passed (not much later), each slow query stopped and its connection given
 * back, and the executor given left open.
 */
public final class TimeoutWithoutCancel implements Pitfall<Recommendations> {

    static final int FAST = 3;
    static final int SLOW = 3;
    /** How late after the timeout a fallback may come: a loaded machine's scheduling, never a slow query's length. */
    static final Duration SLACK = Duration.ofMillis(150);
    /**
     * An answer ready this long before the timeout must be the one returned; one that came later, on a machine too
     * busy to run the query at its pace, may rightly be given up on.
     */
    static final Duration IN_TIME = Duration.ofMillis(10);
    /** How long a query given up on is watched: several of its steps. */
    static final Duration WATCH = Duration.ofMillis(250);
    /** Steps begun after the page gave up that make the query one that went on (one may be under way). */
    static final int STEPS_AFTER = 2;
    static final Duration PATIENCE = Duration.ofSeconds(2);

    private static final List<String> USERS = List.of("ann", "bo", "cy", "dee", "eli", "fay");

    @Override
    public String id() {
        return "timeout-without-cancel";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_CANCEL;
    }

    /** The scenario ends every query it started (it closes the recommender) and shuts its executor down. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<PageRecommendations> subject() {
        return PageRecommendations.class;
    }

    @Override
    public Finding run(Class<? extends Recommendations> implementation, Trial trial) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Duration timeout = Duration.ofMillis(random.nextLong(60, 101));
        NamedPool pool = new NamedPool("recommender", 4);
        ExecutorService executor = pool.executor();
        ScriptedRecommender recommender = new ScriptedRecommender();
        List<Boolean> slowness = new ArrayList<>(Collections.nCopies(FAST, false));
        slowness.addAll(Collections.nCopies(SLOW, true));
        Collections.shuffle(slowness, random);
        List<Long> fastMillis = new ArrayList<>();
        List<Long> fallbackMillis = new ArrayList<>();
        List<Long> stoppedMillis = new ArrayList<>();
        try {
            Recommendations page = Subjects.create(implementation, recommender, executor, timeout);
            // A first fast page loads the classes the others use, so that no timing below pays for it.
            Query warmUp = script("guest", false, timeout, random);
            recommender.expect(warmUp);
            Finding notWarm = Call.start(page, warmUp, trial).judge(timeout, pool, recommender,
                    trial);
            if (notWarm != null) {
                return notWarm;
            }
            for (int i = 0; i < slowness.size() && !trial.outOfTime(); i++) {
                Query query = script(USERS.get(i), slowness.get(i), timeout, random);
                recommender.expect(query);
                Call call = Call.start(page, query, trial);
                Finding finding = call.judge(timeout, pool, recommender, trial);
                if (finding != null) {
                    return finding;
                }
                if (call.fellBack()) {
                    fallbackMillis.add(call.millis());
                    stoppedMillis.add(call.stoppedMillis());
                } else {
                    fastMillis.add(call.millis());
                }
            }
        } finally {
            // A held trial leaves the queries nobody stopped running, for jstack.
            if (!trial.held()) {
                recommender.close();
                pool.shutdownNow(Duration.ofSeconds(1));
            }
        }
        if (fastMillis.size() + fallbackMillis.size() < FAST + SLOW) {
            return trial.inconclusive("the budget ran out before every page was asked for");
        }
        if (fastMillis.isEmpty()) {
            return trial.inconclusive(String.format(Locale.ROOT, "every page fell back rightly, but none got its"
                    + " recommendations: this machine was too busy to run even the fast queries within the %d ms"
                    + " timeout", timeout.toMillis()));
        }
        return trial.clean(String.format(Locale.ROOT,
                "with a %d ms timeout, %d pages got their recommendations in %s ms; %d fell back after %s ms, and"
                        + " the query each gave up on stopped %s ms later and gave its connection back; the executor"
                        + " stayed open",
                timeout.toMillis(), fastMillis.size(), range(fastMillis), fallbackMillis.size(),
                range(fallbackMillis), range(stoppedMillis)),
                new Count("connections still taken when the pages were done", 0, recommender.connectionsTaken()));
    }

    /** A query that answers in 20-80% of the timeout, or one that takes 3 to 5 times the longest timeout. */
    private static Query script(String user, boolean slow, Duration timeout, ThreadLocalRandom random) {
        long start = System.nanoTime();
        List<String> answer = List.of("picked for " + user + " #" + random.nextInt(1000), "also for " + user);
        if (slow) {
            return new Query(user, random.nextInt(12, 17), Duration.ofMillis(random.nextLong(25, 36)), answer,
                    new CancellationProbe(start, "after the page gave up"));
        }
        int steps = random.nextInt(2, 5);
        long total = Math.round(timeout.toMillis() * random.nextDouble(0.2, 0.8));
        return new Query(user, steps, Duration.ofMillis(Math.max(1, total / steps)), answer,
                new CancellationProbe(start, "after the page gave up"));
    }

    private static String range(List<Long> millis) {
        if (millis.isEmpty()) {
            return "no";
        }
        long low = Collections.min(millis);
        long high = Collections.max(millis);
        return low == high ? Long.toString(low) : low + "-" + high;
    }

    /** One page's call of {@code forUser}, on a thread of its own, and what the scenario saw of it. */
    private static final class Call {

        private final Query query;
        private final long start;
        private final WatchedCall<List<String>> watched;
        private volatile long returned;
        private long stoppedNanos;
        private boolean fellBack;

        private Call(Recommendations page, Query query) {
            this.query = query;
            this.start = query.probe.originNanos();
            watched = new WatchedCall<>("page-" + query.user, () -> {
                List<String> got = page.forUser(query.user);
                returned = System.nanoTime();
                if (query.answer.equals(got)) {
                    query.probe.note("forUser returned the recommendations");
                } else {
                    query.probe.cancelled("forUser gave up and returned " + got, returned);
                }
                return got;
            });
        }

        static Call start(Recommendations page, Query query, Trial trial) throws InterruptedException {
            Call call = new Call(page, query);
            call.watched.start();
            Waits.until(call.watched::ended,
                    PATIENCE.compareTo(trial.remaining()) < 0 ? PATIENCE : trial.remaining());
            return call;
        }

        /** Whether the page returned the fallback (rightly: the scenario judged it so). */
        boolean fellBack() {
            return fellBack;
        }

        /** How long forUser took to return. */
        long millis() {
            return Duration.ofNanos(returned - start).toMillis();
        }

        /** From the fallback's return to the query's end. */
        long stoppedMillis() {
            return Duration.ofNanos(stoppedNanos - returned).toMillis();
        }

        Finding judge(Duration timeout, NamedPool pool,
                ScriptedRecommender recommender, Trial trial) throws InterruptedException {
            String asked = "forUser(\"" + query.user + "\")";
            if (!watched.ended()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%s did not return within %,d ms (the timeout is %d ms)", asked, PATIENCE.toMillis(),
                        timeout.toMillis()), query.probe.timeline("What happened"),
                        new Evidence.Threads("The page's thread",
                                ThreadViews.of(List.of(watched.thread().threadId()), trial.lockNames())));
            }
            if (watched.thrown() != null) {
                return trial.notWorking(asked + " threw " + watched.thrown() + " after "
                        + Duration.ofNanos(watched.endedAt() - start).toMillis()
                        + " ms; the contract says it returns the recommendations, or the fallback",
                        query.probe.timeline("What happened"));
            }
            if (pool.executor().isShutdown()) {
                return trial.notWorking(asked + " shut down the executor it was given: the next page's query"
                        + " would be refused. The contract says the executor stays open",
                        query.probe.timeline("What happened"));
            }
            Thread ranOn = query.thread();
            if (ranOn != null && !pool.owns(ranOn)) {
                return trial.notWorking(asked + " ran the query on " + ranOn.getName() + ", not on the executor it"
                        + " was given", query.probe.timeline("What happened"));
            }
            if (millis() > timeout.plus(SLACK).toMillis()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%s returned after %d ms: the timeout is %d ms, and the query took %d ms. The contract says it returns the fallback once the timeout has passed",
                        asked, millis(), timeout.toMillis(), query.total().toMillis()),
                        query.probe.timeline("What happened"));
            }
            if (query.answer.equals(watched.result())) {
                return null;
            }
            fellBack = true;
            if (millis() < timeout.minus(IN_TIME).toMillis()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%s returned %s after %d ms, before the %d ms timeout had passed: the contract says it waits"
                                + " that long for the recommendations",
                        asked, watched.result(), millis(), timeout.toMillis()), query.probe.timeline("What happened"));
            }
            long answeredAt = query.answeredAt();
            if (answeredAt != 0 && answeredAt - start <= timeout.minus(IN_TIME).toNanos()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%s returned %s after %d ms, though the recommendations were ready after %d ms, within the"
                                + " %d ms timeout",
                        asked, watched.result(), millis(), Duration.ofNanos(answeredAt - start).toMillis(),
                        timeout.toMillis()), query.probe.timeline("What happened"));
            }
            return judgeFallback(asked, timeout, recommender, trial);
        }

        private Finding judgeFallback(String asked, Duration timeout, ScriptedRecommender recommender, Trial trial)
                throws InterruptedException {
            if (query.thread() == null) {
                return trial.notWorking(asked + " returned " + watched.result() + " without ever asking the"
                        + " recommender", query.probe.timeline("What happened"));
            }
            CancellationProbe probe = query.probe;
            Waits.until(() -> query.hasEnded() || probe.workAfterCancel() >= STEPS_AFTER, WATCH);
            stoppedNanos = System.nanoTime();
            if (probe.workAfterCancel() >= STEPS_AFTER) {
                return trial.reproduced(FailureKind.LOST_CANCEL, String.format(Locale.ROOT,
                        "%s gave up after %d ms (the timeout is %d ms) and returned the fallback, yet the query it"
                                + " started went on: %d more steps in the %d ms after, on %s, holding connection #%d"
                                + " all along",
                        asked, millis(), timeout.toMillis(), probe.workAfterCancel(), probe.millisSinceCancel(),
                        query.thread().getName(), query.connection()),
                        probe.timeline("The page for " + query.user + ", from its call"),
                        new Count("connections held by queries nobody waits for", 0,
                                recommender.connectionsTaken()),
                        new Evidence.Threads("The query nobody waits for",
                                ThreadViews.of(List.of(query.thread().threadId()), trial.lockNames())));
            }
            if (!query.hasEnded()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%s gave up and returned the fallback, and the query it started neither stopped nor went on"
                                + " for %d ms: it still holds connection #%d",
                        asked, WATCH.toMillis(), query.connection()), probe.timeline("What happened"),
                        new Evidence.Threads("The query",
                                ThreadViews.of(List.of(query.thread().threadId()), trial.lockNames())));
            }
            return null;
        }
    }
}
