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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.TimelineRecorder;
import workbook.harness.Trial;

/**
 * A checkout prices 12 baskets of groceries. The price service's client answers from its cache at once (a completed
 * future); an item the cache does not know yet is answered later, from the service's own thread: after
 * {@link #ANSWER_TIME} ({@link #SLOW_ANSWER} for the imported items), or as soon as {@code prices()} has returned,
 * whichever comes first. So a pricer that stops waiting before its prices are in the map returns without them, every
 * time, and a pricer that waits a fixed while instead misses the slow answers. The checkout copies the map the moment
 * {@code prices()} returns, as a page renders it.
 */
public final class LatchBeforeResult implements Pitfall<Pricer> {

    static final List<String> GROCERIES = List.of("apples", "bread", "butter", "cheese", "coffee", "eggs", "flour",
            "honey", "jam", "lemons", "milk", "oats", "olives", "pasta", "pears", "rice", "salt", "sugar", "tea",
            "yogurt");
    /** Their prices come from a supplier abroad: the service takes longer to answer them. */
    static final Set<String> IMPORTED = Set.of("coffee", "olives", "tea");
    static final Duration ANSWER_TIME = Duration.ofMillis(5);
    static final Duration SLOW_ANSWER = Duration.ofMillis(150);
    static final int BASKETS = 12;
    static final int BASKET_SIZE = 5;
    static final int WORKERS = 3;
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);
    static final String CALLBACK_BLOCKED = "a callback that prices() hung on an answer kept the service's thread busy "
            + "for " + CALL_LIMIT.toMillis() + " ms";
    /** The same baskets in every trial (coffee and olives among the items the cache does not know yet). */
    static final long SEED = 7;

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
        PriceServiceFake service = new PriceServiceFake(timeline);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemons("pricer"));
        ExecutorService checkout = Executors.newSingleThreadExecutor(daemons("checkout"));
        ExecutorService answers = Executors.newSingleThreadExecutor(daemons("price-service"));
        try {
            Pricer pricer = Subjects.create(implementation, service, workers);
            Random random = new Random(SEED);
            int baskets = 0;
            int basketsMissing = 0;
            int asked = 0;
            int seen = 0;
            int answeredLate = 0;
            int lateSeen = 0;
            List<Event> firstMissing = null;
            while (baskets < BASKETS && !trial.outOfTime()) {
                baskets++;
                List<String> basket = basket(random);
                timeline.clear();
                service.newBasket();
                Future<Seen> call = checkout.submit(() -> {
                    timeline.add("prices(" + basket + ") called");
                    Map<String, Long> prices = pricer.prices(basket);
                    long returnedAt = System.nanoTime();
                    Map<String, Long> copy = prices == null ? null : new HashMap<>(prices);
                    timeline.add(returnedAt, copy == null
                            ? "prices() returned null"
                            : "prices() returned; the map holds " + present(copy, basket) + " of " + basket.size()
                                    + " prices");
                    return new Seen(copy, prices);
                });
                Seen result = null;
                long deadline = System.nanoTime() + CALL_LIMIT.toNanos() + SLOW_ANSWER.toNanos();
                while (result == null) {
                    try {
                        result = call.get(1, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        if (System.nanoTime() > deadline) {
                            return trial.notWorking("prices() did not return within " + CALL_LIMIT.toMillis()
                                    + " ms of the service's last answer");
                        }
                        if (!answer(answers, service, false)) {
                            return trial.notWorking(CALLBACK_BLOCKED);
                        }
                    } catch (ExecutionException e) {
                        return trial.notWorking("prices() threw " + e.getCause());
                    }
                }
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
                int present = present(result.atReturn(), basket);
                Set<String> late = service.answeredLate();
                asked += basket.size();
                seen += present;
                answeredLate += late.size();
                lateSeen += (int) late.stream().filter(result.atReturn()::containsKey).count();
                if (present < basket.size()) {
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
                            + "service answered later (up to %d ms later) included",
                    baskets, asked, answeredLate, SLOW_ANSWER.toMillis()),
                    new Count("prices in the map when prices() returned", asked, seen));
        } finally {
            workers.shutdownNow();
            checkout.shutdownNow();
            answers.shutdownNow();
        }
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

    /** The map as the checkout copied it when prices() returned, and the map itself, to look at again later. */
    private record Seen(Map<String, Long> atReturn, Map<String, Long> returned) {
    }

    /** A request the service has not answered yet. */
    private record Request(CompletableFuture<Long> answer, long dueNanos) {
    }

    /** The price service: what its cache knows it answers at once, the rest later (see {@link #answer}). */
    private static final class PriceServiceFake implements PriceService {

        private final TimelineRecorder timeline;
        private final Set<String> cached = ConcurrentHashMap.newKeySet();
        private final Map<String, Request> waiting = new ConcurrentHashMap<>();
        private final Set<String> answeredLate = ConcurrentHashMap.newKeySet();

        PriceServiceFake(TimelineRecorder timeline) {
            this.timeline = timeline;
        }

        static long centsFor(String item) {
            return 95 + 37L * GROCERIES.indexOf(item);
        }

        @Override
        public CompletableFuture<Long> priceOf(String item) {
            if (!GROCERIES.contains(item)) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("no such item: " + item));
            }
            if (cached.contains(item)) {
                timeline.add("priceOf(" + item + "): answered from the cache");
                return CompletableFuture.completedFuture(centsFor(item));
            }
            timeline.add("priceOf(" + item + "): request sent to the service");
            long due = System.nanoTime() + (IMPORTED.contains(item) ? SLOW_ANSWER : ANSWER_TIME).toNanos();
            return waiting.computeIfAbsent(item, i -> new Request(new CompletableFuture<>(), due)).answer();
        }

        void newBasket() {
            answeredLate.clear();
        }

        /**
         * Answers the requests that are due (or all of them), on the calling thread; returns once their callbacks
         * have run.
         */
        void answer(boolean all) {
            long now = System.nanoTime();
            for (Map.Entry<String, Request> entry : List.copyOf(waiting.entrySet())) {
                String item = entry.getKey();
                if (all || entry.getValue().dueNanos() <= now) {
                    timeline.add("the service answers " + item + ": " + centsFor(item) + " cents");
                    cached.add(item);
                    answeredLate.add(item);
                    waiting.remove(item);
                    entry.getValue().answer().complete(centsFor(item));
                }
            }
        }

        Set<String> answeredLate() {
            return Set.copyOf(answeredLate);
        }
    }

}
