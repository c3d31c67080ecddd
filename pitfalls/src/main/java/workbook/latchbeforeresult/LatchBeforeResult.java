package workbook.latchbeforeresult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.TimelineRecorder;
import workbook.harness.Trial;

/**
 * A checkout prices 12 baskets of groceries. The price service's client answers from its cache at once (a completed
 * future); an item the cache does not hold (it forgets entries at random) is answered later, from the service's own
 * thread: after a delay drawn anew for every request, from {@link PriceServiceFake#FASTEST} to
 * {@link PriceServiceFake#SLOWEST} (one slow answer in the first basket, quick answers only in one of the others),
 * counted from the moment every request of the basket is in flight, or as soon as
 * {@code prices()} has returned, whichever comes first. So a pricer that stops waiting before its prices are in the map
 * returns without them, every time; a pricer that waits a fixed while instead misses the slower answers, or returns
 * long after the last one ({@link #LINGER}); and a pricer that waits for one answer before it sends the next request
 * is caught by the most requests in flight at once. The checkout copies the map the moment {@code prices()} returns,
 * as a page renders it.
 */
public final class LatchBeforeResult implements Pitfall<Pricer> {

    static final List<String> GROCERIES = List.of("apples", "bread", "butter", "cheese", "coffee", "eggs", "flour",
            "honey", "jam", "lemons", "milk", "oats", "olives", "pasta", "pears", "rice", "salt", "sugar", "tea",
            "yogurt");
    static final int BASKETS = 12;
    static final int BASKET_SIZE = 5;
    static final int WORKERS = 3;
    /** How long prices() may keep the checkout after the service's last answer before it counts as stuck. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);
    /**
     * How long after the last answer prices() may take to return: the wake-up of a waiting thread on a busy machine,
     * with room to spare; a fixed wait that outlasted the answers takes longer.
     */
    static final Duration LINGER = Duration.ofMillis(250);
    static final String CALLBACK_BLOCKED = "a callback that prices() hung on an answer kept the service's thread busy "
            + "for " + CALL_LIMIT.toMillis() + " ms";

    @Override
    public String id() {
        return "latch-before-result";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /** Both variants' threads end with the trial (the scenario shuts down what it started). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<BasketPricer> subject() {
        return BasketPricer.class;
    }

    @Override
    public Finding run(Class<? extends Pricer> implementation, Trial trial) throws Exception {
        TimelineRecorder timeline = new TimelineRecorder(System.nanoTime());
        PriceServiceFake service = new PriceServiceFake(timeline, GROCERIES);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemons("pricer"));
        ExecutorService checkout = Executors.newSingleThreadExecutor(daemons("checkout"));
        ExecutorService answers = Executors.newSingleThreadExecutor(daemons("price-service"));
        try {
            Pricer pricer = Subjects.create(implementation, service, workers);
            Random random = new Random();
            // The first basket (nothing cached yet) has one slow answer; one of the others has quick answers only.
            int quickBasket = 1 + random.nextInt(BASKETS - 1);
            int baskets = 0;
            int basketsMissing = 0;
            int asked = 0;
            int seen = 0;
            int answeredLate = 0;
            int lateSeen = 0;
            long slowestAnswer = 0;
            long longestLinger = 0;
            List<Event> firstMissing = null;
            while (baskets < BASKETS && !trial.outOfTime()) {
                baskets++;
                List<String> basket = basket(random);
                timeline.clear();
                service.newBasket(basket, baskets == 1
                        ? PriceServiceFake.Pace.SLOW
                        : baskets - 1 == quickBasket ? PriceServiceFake.Pace.QUICK : PriceServiceFake.Pace.ANY);
                AtomicReference<Thread> caller = new AtomicReference<>();
                Future<Seen> call = checkout.submit(() -> {
                    caller.set(Thread.currentThread());
                    long calledAt = System.nanoTime();
                    timeline.add(calledAt, "prices(" + basket + ") called");
                    Map<String, Long> prices = pricer.prices(basket);
                    long returnedAt = System.nanoTime();
                    Map<String, Long> copy = prices == null ? null : new HashMap<>(prices);
                    timeline.add(returnedAt, copy == null
                            ? "prices() returned null"
                            : "prices() returned; the map holds " + present(copy, basket) + " of " + basket.size()
                                    + " prices");
                    return new Seen(copy, prices, calledAt, returnedAt);
                });
                Seen result = null;
                while (result == null) {
                    try {
                        result = call.get(1, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        if (service.quietSince() > CALL_LIMIT.toNanos()) {
                            return trial.notWorking("prices(" + basket + ") did not return within "
                                    + CALL_LIMIT.toMillis() + " ms of the service's last answer", stuck(caller, trial));
                        }
                        if (!answer(answers, service, false)) {
                            return trial.notWorking(CALLBACK_BLOCKED);
                        }
                    } catch (ExecutionException e) {
                        return trial.notWorking("prices() threw " + e.getCause());
                    }
                }
                long lastAnswerAt = service.lastAnswerAt();
                // prices() has returned: whatever it did not wait for is answered now.
                if (!answer(answers, service, true)) {
                    return trial.notWorking(CALLBACK_BLOCKED);
                }
                if (result.atReturn() == null) {
                    return trial.notWorking("prices() returned null");
                }
                for (String item : basket) {
                    Long price = result.atReturn().get(item);
                    if (price != null && price != PriceServiceFake.centsFor(item)) {
                        return trial.notWorking("prices() said " + item + " costs " + price + " cents; the service"
                                + " said " + PriceServiceFake.centsFor(item));
                    }
                }
                if (service.mostInFlight() < service.uncachedAsked()) {
                    return trial.notWorking(String.format(Locale.ROOT,
                            "prices(%s) had at most %d of its %d requests to the service in flight at once: it waited "
                                    + "for an answer before it sent the next request. The contract says it asks for "
                                    + "every price at once",
                            basket, service.mostInFlight(), service.uncachedAsked()),
                            new Evidence.Timeline("That basket, in ms since the start", timeline.events()));
                }
                int present = present(result.atReturn(), basket);
                Set<String> late = service.answeredLate();
                asked += basket.size();
                seen += present;
                answeredLate += late.size();
                lateSeen += (int) late.stream().filter(result.atReturn()::containsKey).count();
                slowestAnswer = Math.max(slowestAnswer, service.slowestLateAnswerMillis());
                if (present == basket.size()) {
                    long linger = TimeUnit.NANOSECONDS
                            .toMillis(result.returnedAt() - Math.max(result.calledAt(), lastAnswerAt));
                    longestLinger = Math.max(longestLinger, linger);
                    if (linger > LINGER.toMillis()) {
                        return trial.notWorking(String.format(Locale.ROOT,
                                "prices(%s) kept the checkout waiting %,d ms after the service's last answer, with "
                                        + "every price already in the map: it waited a fixed time, not for the "
                                        + "answers. The contract says it returns as soon as the last price is in",
                                basket, linger),
                                new Evidence.Timeline("That basket, in ms since the start", timeline.events()));
                    }
                } else {
                    if (present(result.returned(), basket) < basket.size()) {
                        return trial.notWorking(String.format(Locale.ROOT,
                                "prices() returned %d of %d prices, and the rest never reached the map it returned, "
                                        + "although the service answered every request",
                                present, basket.size()));
                    }
                    basketsMissing++;
                    if (firstMissing == null) {
                        timeline.add("workbook", "looks at the same map again: it holds "
                                + present(result.returned(), basket) + " of " + basket.size() + " prices");
                        firstMissing = timeline.events();
                    }
                }
            }
            if (basketsMissing > 0) {
                return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                        "prices() returned before its prices were in the map in %d of %d baskets: the checkout read "
                                + "null for %d of %d items, whose prices arrived moments later",
                        basketsMissing, baskets, asked - seen, asked),
                        new Count("baskets with every price there when prices() returned", baskets,
                                baskets - basketsMissing),
                        new Count("prices in the map when prices() returned", asked, seen),
                        new Evidence.Note(String.format(Locale.ROOT,
                                "Of the %d prices that the service's cache answered at once, %d were there; of the %d "
                                        + "it answered later, %d reached the map before prices() returned.",
                                asked - answeredLate, seen - lateSeen, answeredLate, lateSeen)),
                        new Evidence.Timeline("The first basket with a price missing, in ms since the start",
                                firstMissing));
            }
            if (baskets == 0) {
                return trial.inconclusive("the budget ran out before a basket could be priced");
            }
            if (answeredLate == 0) {
                return trial.inconclusive("every price came from the cache, so no basket had to wait for one");
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%d baskets, %d prices: every one was in the map when prices() returned, the %d that the "
                            + "service answered later (up to %,d ms later) included; every basket's requests were in "
                            + "flight together, and prices() returned within %,d ms of the last answer",
                    baskets, asked, answeredLate, slowestAnswer, Math.max(1, longestLinger)),
                    new Count("prices in the map when prices() returned", asked, seen));
        } finally {
            workers.shutdownNow();
            checkout.shutdownNow();
            answers.shutdownNow();
        }
    }

    /** Where the checkout's call of prices() was stuck, as jstack shows it. */
    private static Evidence stuck(AtomicReference<Thread> caller, Trial trial) {
        Thread thread = caller.get();
        return new Evidence.Threads("Where prices() was stuck",
                thread == null ? List.of() : ThreadViews.of(List.of(thread.threadId()), trial.lockNames()));
    }

    /** Lets the service answer on its own thread; false when the pricer's callbacks kept it busy too long. */
    private static boolean answer(ExecutorService answers, PriceServiceFake service, boolean all)
            throws InterruptedException, ExecutionException {
        try {
            answers.submit(() -> service.answer(all)).get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private static List<String> basket(Random random) {
        List<String> shuffled = new ArrayList<>(GROCERIES);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, BASKET_SIZE));
    }

    private static int present(Map<String, Long> prices, List<String> basket) {
        return (int) basket.stream().filter(prices::containsKey).count();
    }

    private static ThreadFactory daemons(String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, role.equals("pricer") ? role + "-" + count.incrementAndGet() : role);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The map as the checkout copied it when prices() returned, the map itself (to look at again later), and when
     * the call began and ended.
     */
    private record Seen(Map<String, Long> atReturn, Map<String, Long> returned, long calledAt, long returnedAt) {
    }
}
