package workbook.classinitcycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.FreshClasses;
import workbook.harness.HeldLocks;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.WatchedCall;

/**
 * The class under test is loaded anew for every round ({@link FreshClasses}), so that every round is a first use. In
 * up to three rounds two requests use it for the first time at once, each with its own {@code Shipping}: checkout
 * asks for a quote, catalog for the options, while the carrier's files take 5 to 15 ms to read (drawn for the trial).
 * Both still inside the class's static initialisers {@link #QUIET} later, each in another class's, is the pitfall.
 * Then one request alone, each call first in turn, must get the right answers, and many requests at once on
 * initialised classes must never take turns on one lock.
 */
public final class ClassInitCycle implements Pitfall<Shipping> {

    static final int TOGETHER_ROUNDS = 3;
    /** Initialising the classes takes two reads of at most 15 ms; requests still inside this long after are stuck. */
    static final Duration QUIET = Duration.ofMillis(300);
    static final Duration PATIENCE = Duration.ofSeconds(2);
    static final int REQUESTS = 3;
    static final int MIN_DUMPS = 40;
    static final Duration BUSY_LIMIT = Duration.ofSeconds(1);
    private static final Duration DUMP_EVERY = Duration.ofNanos(500_000);
    /** Left of the trial's budget when the requests stop, for them to end and the verdict to be written. */
    private static final Duration CALL_MARGIN = Duration.ofMillis(700);
    private static final List<String> CODES = List.of("STANDARD", "EXPRESS", "OVERNIGHT");

    @Override
    public String id() {
        return "class-init-cycle";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DEADLOCK;
    }

    /** Threads stuck in a static initialiser cannot be freed: each trial gets a JVM of its own. */
    @Override
    public boolean trialsShareJvm() {
        return false;
    }

    @Override
    public Class<ShippingOptions> subject() {
        return ShippingOptions.class;
    }

    @Override
    public Finding run(Class<? extends Shipping> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        Carrier.readTime = Duration.ofMillis(random.nextLong(5, 16));
        long standard = random.nextLong(500, 800);
        Carrier.rates = Map.of("STANDARD", standard, "EXPRESS", standard + random.nextLong(500, 1_000), "OVERNIGHT",
                standard + random.nextLong(1_500, 3_000));
        for (int round = 1; round <= TOGETHER_ROUNDS; round++) {
            Finding finding = firstUse(implementation, random.nextBoolean(), true, random, trial);
            if (finding != null) {
                return finding;
            }
        }
        boolean quoteFirst = random.nextBoolean();
        for (boolean first : List.of(quoteFirst, !quoteFirst)) {
            Finding finding = firstUse(implementation, first, false, random, trial);
            if (finding != null) {
                return finding;
            }
        }
        Finding busy = requestsDoNotWait(implementation, random, trial);
        if (busy != null) {
            return busy;
        }
        return trial.clean(String.format(Locale.ROOT, "in %d rounds, each on the classes loaded anew, checkout and"
                + " catalog used them for the first time at once (the carrier's files taking %d ms to read), and"
                + " each got its answer; one request alone got the right quotes and options whichever it asked"
                + " first; and %d requests at once never took turns on one lock", TOGETHER_ROUNDS,
                Carrier.readTime.toMillis(), REQUESTS));
    }

    /**
     * A first use of fresh classes: checkout's quote and catalog's options, at once on two threads, or on one
     * thread one after the other ({@code quoteFirst} says which comes first).
     */
    private static Finding firstUse(Class<? extends Shipping> implementation, boolean quoteFirst, boolean together,
            SplittableRandom random, Trial trial) throws Exception {
        Class<? extends Shipping> fresh = new FreshClasses(implementation).load().asSubclass(Shipping.class);
        String code = CODES.get(random.nextInt(CODES.size()));
        int grams = random.nextInt(100, 20_001);
        // A parcel of the drawn weight, and a light one, which costs the minimum.
        int light = random.nextInt(100, 1_000);
        Function<Shipping, Object> quote = shipping -> List.of(shipping.quote(code, grams),
                shipping.quote("STANDARD", light));
        Function<Shipping, Object> options = Shipping::options;
        CountDownLatch go = new CountDownLatch(1);
        List<WatchedCall<Object>> requests = new ArrayList<>();
        if (together) {
            WatchedCall<Object> checkout = firstUse("checkout", Subjects.create(fresh), quote, go);
            WatchedCall<Object> catalog = firstUse("catalog", Subjects.create(fresh), options, go);
            requests.addAll(quoteFirst ? List.of(checkout, catalog) : List.of(catalog, checkout));
        } else {
            requests.add(firstUse("request", Subjects.create(fresh), s -> quoteFirst
                    ? List.of(quote.apply(s), options.apply(s))
                    : List.of(options.apply(s), quote.apply(s)), go));
        }
        requests.forEach(WatchedCall::start);
        go.countDown();
        long start = System.nanoTime();
        long end = start + Math.min(PATIENCE.toNanos(), Math.max(0, trial.remaining().toNanos()));
        while (requests.stream().anyMatch(r -> !r.ended()) && System.nanoTime() < end) {
            if (System.nanoTime() - start > QUIET.toNanos() && requests.stream().allMatch(r -> !r.ended())
                    && initialising(requests, trial).size() == requests.size()) {
                break;
            }
            Thread.sleep(1);
        }
        if (requests.stream().anyMatch(r -> !r.ended())) {
            return stuck(requests, together, trial);
        }
        for (WatchedCall<Object> request : requests) {
            if (request.thrown() != null) {
                return trial.notWorking(String.format(Locale.ROOT, "the first use of the classes (%s) threw %s",
                        together ? request.thread().getName() + " at once with another request" : order(quoteFirst),
                        request.thrown()),
                        new Evidence.Threads("What " + request.thread().getName() + " got",
                                List.of(ThreadViews.thrown(request.thread().getName(), request.thrown()))));
            }
        }
        long minimum = Carrier.rates.get("STANDARD");
        List<Long> expectedQuote = List.of(Math.max(Carrier.rates.get(code) * grams / 1_000, minimum),
                Math.max(minimum * light / 1_000, minimum));
        List<String> expectedOptions = CODES.stream().map(Carrier.LABELS::get).toList();
        for (WatchedCall<Object> request : requests) {
            Object answer = request.result();
            Object expected = together
                    ? request.thread().getName().equals("checkout") ? expectedQuote : expectedOptions
                    : quoteFirst ? List.of(expectedQuote, expectedOptions) : List.of(expectedOptions, expectedQuote);
            if (!expected.equals(answer)) {
                return trial.notWorking(String.format(Locale.ROOT, "on the first use of the classes (%s), %s got %s"
                        + " where the carrier's rates and labels give %s (quote(\"%s\", %d g), then quote(\"STANDARD\","
                        + " %d g); the standard rate is %d a kilogram)",
                        together ? "two requests at once" : order(quoteFirst), request.thread().getName(), answer,
                        expected, code, grams, light, minimum));
            }
        }
        return null;
    }

    /** A request thread that makes its own Shipping, released with the others, and makes its one call. */
    private static WatchedCall<Object> firstUse(String name, Shipping shipping, Function<Shipping, Object> call,
            CountDownLatch go) {
        return new WatchedCall<>(name, () -> {
            go.await();
            return call.apply(shipping);
        });
    }

    private static String order(boolean quoteFirst) {
        return quoteFirst ? "quote first, then options" : "options first, then quote";
    }

    /** Each request's innermost static initialiser, for the requests that are inside one. */
    private static List<String> initialising(List<WatchedCall<Object>> requests, Trial trial) {
        List<String> classes = new ArrayList<>();
        for (Evidence.ThreadView view : views(requests, trial)) {
            view.stack().stream().filter(frame -> frame.contains(".<clinit>(")).findFirst()
                    .ifPresent(frame -> classes.add(className(frame)));
        }
        return classes;
    }

    private static List<Evidence.ThreadView> views(List<WatchedCall<Object>> requests, Trial trial) {
        return ThreadViews.of(requests.stream().map(r -> r.thread().threadId()).toList(), trial.lockNames());
    }

    /** "workbook.x.Outer$Inner" from a frame "at workbook.x.Outer$Inner.<clinit>(Outer.java:12)". */
    private static String className(String frame) {
        String at = frame.startsWith("at ") ? frame.substring(3) : frame;
        return at.substring(0, at.indexOf(".<clinit>("));
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static Finding stuck(List<WatchedCall<Object>> requests, boolean together, Trial trial) {
        List<Evidence.ThreadView> views = views(requests, trial);
        List<String> classes = initialising(requests, trial);
        if (together && classes.size() == 2 && !classes.get(0).equals(classes.get(1))) {
            String first = requests.get(0).thread().getName();
            String second = requests.get(1).thread().getName();
            String states = views.stream().map(Evidence.ThreadView::state).distinct().sorted()
                    .reduce((a, b) -> a + " and " + b).orElse("?");
            return trial.reproduced(FailureKind.DEADLOCK, String.format(Locale.ROOT, "%s and %s are stuck for good,"
                    + " each initialising a class the other one needs: %s runs the static initialiser of %s and"
                    + " needs %s, whose initialiser %s is running; %s runs %s's and needs %s. Both show %s, hold no"
                    + " lock that ThreadMXBean can see, and findDeadlockedThreads() finds nothing",
                    first, second, first, simple(classes.get(0)), simple(classes.get(1)), second, second,
                    simple(classes.get(1)), simple(classes.get(0)), states),
                    new Evidence.Threads("The two requests, " + QUIET.toMillis() + " ms after their first use",
                            views),
                    new Evidence.Note(String.format(Locale.ROOT, "A class is initialised once, by the first thread"
                            + " that needs it; any other thread that needs it waits until that thread is done,"
                            + " without a lock anyone can see. %s waits for %s, %s waits for %s: a cycle no detector"
                            + " reports, and one that never ends. jstack shows it only as two threads in <clinit>"
                            + " frames that never move.", first, simple(classes.get(1)), second,
                            simple(classes.get(0)))));
        }
        return trial.notWorking(String.format(Locale.ROOT, "the first use of the classes did not end within %,d ms"
                + " (reading the carrier's files takes %d ms)", PATIENCE.toMillis(), Carrier.readTime.toMillis()),
                new Evidence.Threads("Where the requests were", views));
    }

    /** On initialised classes, requests at once must not take turns on one lock. */
    private static Finding requestsDoNotWait(Class<? extends Shipping> implementation, SplittableRandom random,
            Trial trial) throws Exception {
        Shipping shipping = Subjects.create(new FreshClasses(implementation).load().asSubclass(Shipping.class));
        shipping.quote("STANDARD", 1_000);
        shipping.options();
        HeldLocks locks = HeldLocks.forCallersOf(implementation, trial.lockNames());
        int offset = random.nextInt(CODES.size());
        // They call until the dumps are taken: busy requests can starve the dumping thread for a while.
        Duration callFor = trial.remaining().minus(CALL_MARGIN);
        if (callFor.compareTo(BUSY_LIMIT) < 0) {
            callFor = BUSY_LIMIT;
        }
        Stress requests = Stress.start("request", REQUESTS, Long.MAX_VALUE, callFor, (request, i) -> {
            if ((i & 1) == 0) {
                shipping.quote(CODES.get((int) ((i + offset) % CODES.size())), (int) (i % 20_000));
            } else {
                shipping.options();
            }
        });
        while (!requests.done() && locks.dumps() < MIN_DUMPS) {
            locks.sample(requests.threadIds());
            LockSupport.parkNanos(DUMP_EVERY.toNanos());
        }
        requests.stop();
        Stress.Result result = requests.await(Duration.ofSeconds(1));
        locks.endRound();
        if (!result.failures().isEmpty()) {
            return trial.notWorking("a request on initialised classes threw " + result.failures().get(0));
        }
        if (locks.dumps() < MIN_DUMPS) {
            return trial.inconclusive("the requests ended before " + MIN_DUMPS + " thread dumps were taken");
        }
        Optional<HeldLocks.Lock> one = locks.oneLock();
        if (one.isPresent() && one.get().heldInTurn(locks.dumps())) {
            HeldLocks.Lock lock = one.get();
            return trial.notWorking(String.format(Locale.ROOT, "with the classes initialised, %d requests asked for"
                    + " quotes and options at once, and took turns: in %d thread dumps, one %s was held %d times, by"
                    + " %s in turn. The contract says many requests call it at once", REQUESTS, locks.dumps(),
                    lock.type(), lock.timesHeld(), String.join(", ", new TreeSet<>(lock.holders()))),
                    new Evidence.Threads("A request holding the " + lock.type(), lock.seen()));
        }
        return null;
    }
}
