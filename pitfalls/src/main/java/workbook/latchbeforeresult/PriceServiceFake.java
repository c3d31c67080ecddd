package workbook.latchbeforeresult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import workbook.harness.Delays;
import workbook.harness.TimelineRecorder;

/**
 * The price service of {@link LatchBeforeResult}: what its cache holds it answers at once, the rest after a delay drawn
 * anew for every request. The delays count from the moment every request of the basket is in flight (or from
 * {@link #HOLD} after the last request, for a pricer that waits for an answer before it asks again), so the most
 * requests in flight at once shows whether the pricer asked for every price at once.
 */
final class PriceServiceFake implements PriceService {

    static final Duration FASTEST = Duration.ofMillis(1);
    static final Duration SLOWEST = Duration.ofMillis(600);
    static final Duration HOLD = Duration.ofSeconds(1);
    /** The chance that the cache has forgotten an item it once answered, for each basket. */
    static final double FORGETS = 0.5;
    /** The delays of a quick basket: its last answer comes almost at once. */
    static final Duration QUICK = Duration.ofMillis(10);
    /** The least delay of the one slow answer of a slow basket: longer than a pricer may linger after an answer. */
    static final Duration SLOW = LatchBeforeResult.LINGER.plusMillis(50);

    /**
     * How a basket's answers come. One slow basket and one quick basket in every trial close every fixed wait: a wait
     * shorter than the slow answer misses it, and a longer one lingers after the quick basket's last answer.
     */
    enum Pace {
        /** The first request waits from {@link #SLOW} to {@link #SLOWEST}, the others as any. */
        SLOW,
        /** Every request waits at most {@link #QUICK}. */
        QUICK,
        /** From {@link #FASTEST} to {@link #SLOWEST}, evenly on a log scale. */
        ANY
    }

    /** A request the service has not answered yet. */
    private record Request(CompletableFuture<Long> answer, long sentAt, long delayNanos) {
    }

    private final TimelineRecorder timeline;
    private final List<String> groceries;
    private final Set<String> known = new HashSet<>();
    private final Map<String, Request> waiting = new HashMap<>();
    private final Set<String> answeredLate = new HashSet<>();
    private Set<String> cached = Set.of();
    private Set<String> uncached = Set.of();
    private final Set<String> requested = new HashSet<>();
    private long basketAt;
    private long lastRequestAt;
    private long lastAnswerAt;
    private long releasedAt;
    private boolean released;
    private Pace pace = Pace.ANY;
    private int mostInFlight;
    private long slowestLateAnswer;

    PriceServiceFake(TimelineRecorder timeline, List<String> groceries) {
        this.timeline = timeline;
        this.groceries = groceries;
    }

    static long centsFor(String item) {
        return 95 + 37L * LatchBeforeResult.GROCERIES.indexOf(item);
    }

    @Override
    public CompletableFuture<Long> priceOf(String item) {
        if (!groceries.contains(item)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no such item: " + item));
        }
        CompletableFuture<Long> answer;
        synchronized (this) {
            if (cached.contains(item)) {
                timeline.add("priceOf(" + item + "): answered from the cache");
                return CompletableFuture.completedFuture(centsFor(item));
            }
            long now = System.nanoTime();
            lastRequestAt = now;
            requested.add(item);
            Request request = waiting.get(item);
            if (request == null) {
                request = new Request(new CompletableFuture<>(), now, delay().toNanos());
                waiting.put(item, request);
                mostInFlight = Math.max(mostInFlight, waiting.size());
            }
            if (!released && requested.containsAll(uncached)) {
                release(now);
            }
            answer = request.answer();
            timeline.add(now, "priceOf(" + item + "): request sent to the service");
        }
        return answer;
    }

    private Duration delay() {
        return switch (pace) {
            case SLOW -> waiting.isEmpty() ? Delays.between(SLOW, SLOWEST) : Delays.between(FASTEST, SLOWEST);
            case QUICK -> Delays.between(FASTEST, QUICK);
            case ANY -> Delays.between(FASTEST, SLOWEST);
        };
    }

    /** A new basket, whose answers come at {@code pace}: the cache forgets some of what it knew. */
    synchronized void newBasket(List<String> basket, Pace pace) {
        this.pace = pace;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Set<String> keep = new HashSet<>();
        for (String item : known) {
            if (random.nextDouble() >= FORGETS) {
                keep.add(item);
            }
        }
        cached = Set.copyOf(keep);
        Set<String> notCached = new HashSet<>(basket);
        notCached.removeAll(cached);
        uncached = Set.copyOf(notCached);
        requested.clear();
        answeredLate.clear();
        basketAt = System.nanoTime();
        lastRequestAt = basketAt;
        lastAnswerAt = 0;
        released = uncached.isEmpty();
        mostInFlight = 0;
        slowestLateAnswer = 0;
    }

    /**
     * Answers the requests that are due (or all of them), on the calling thread; returns once their callbacks have
     * run.
     */
    void answer(boolean all) {
        Map<String, CompletableFuture<Long>> due = new HashMap<>();
        synchronized (this) {
            long now = System.nanoTime();
            if (!released && !waiting.isEmpty() && now - lastRequestAt >= HOLD.toNanos()) {
                release(now);
            }
            for (Map.Entry<String, Request> entry : new ArrayList<>(waiting.entrySet())) {
                Request request = entry.getValue();
                long since = Math.max(request.sentAt(), releasedAt);
                if (all || released && since + request.delayNanos() <= now) {
                    String item = entry.getKey();
                    long after = TimeUnit.NANOSECONDS.toMillis(now - request.sentAt());
                    timeline.add(now, "the service answers " + item + ": " + centsFor(item) + " cents (after " + after
                            + " ms" + (all ? ": prices() has returned)" : ")"));
                    known.add(item);
                    answeredLate.add(item);
                    waiting.remove(item);
                    lastAnswerAt = now;
                    if (!all) {
                        slowestLateAnswer = Math.max(slowestLateAnswer, after);
                    }
                    due.put(item, request.answer());
                }
            }
        }
        due.forEach((item, answer) -> answer.complete(centsFor(item)));
    }

    private void release(long now) {
        released = true;
        releasedAt = now;
    }

    /** How long the service has had nothing left to answer, in nanoseconds; zero while a request waits. */
    synchronized long quietSince() {
        if (!waiting.isEmpty()) {
            return 0;
        }
        return System.nanoTime() - Math.max(basketAt, Math.max(lastRequestAt, lastAnswerAt));
    }

    /** When the service last answered a request of this basket (a {@link System#nanoTime()} value), or 0. */
    synchronized long lastAnswerAt() {
        return lastAnswerAt;
    }

    synchronized Set<String> answeredLate() {
        return Set.copyOf(answeredLate);
    }

    /** The most requests of this basket that were in flight at once. */
    synchronized int mostInFlight() {
        return mostInFlight;
    }

    /** How many of this basket's items the cache did not hold, when the pricer asked for every one of them. */
    synchronized int uncachedAsked() {
        return requested.containsAll(uncached) ? uncached.size() : 0;
    }

    synchronized long slowestLateAnswerMillis() {
        return slowestLateAnswer;
    }
}
