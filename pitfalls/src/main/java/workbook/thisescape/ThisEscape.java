package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.TimelineRecorder;
import workbook.harness.Trial;
import workbook.thisescape.ScriptedFeed.Delivery;

/**
 * Opens a desk's price board on a feed that already has a quote for each of a few symbols, as a feed does once the
 * market is open. The feed replays those quotes to the new subscriber at once, from its dispatcher thread; meanwhile
 * the board asks the rates service for its exchange rate, which answers after a latency drawn anew for each board
 * ({@link #FASTEST_RATES} to {@link #SLOWEST_RATES}). Half the rounds' feeds return from {@code subscribe} at once,
 * half once the replay is delivered, as the contract allows: so a board that subscribes before even one plain
 * assignment of its constructor is caught too, not only one that makes a slow call after subscribing. Then the market
 * sends a few new quotes, for some of the symbols only: the others keep the replayed quote as their last. Each round
 * draws the desk's currency, its rate, the symbols and the prices.
 *
 * <p>A call of {@code onQuote} made while the board's constructor is still running on the opening thread, that throws
 * or leaves the board without the right line for its quote, is the failure: the callback saw the board half-built.
 * A board is fixed when every quote the feed delivered, the replays included, shows right on the board, its listener
 * never keeps the feed's dispatcher waiting, and it subscribes once.
 */
public final class ThisEscape implements Pitfall<PriceBoard> {

    static final int ROUNDS = 4;
    static final Duration FASTEST_RATES = Duration.ofMillis(10);
    static final Duration SLOWEST_RATES = Duration.ofMillis(60);
    /** How long one call of onQuote may keep the dispatcher before it counts as stuck. */
    static final Duration HOLD_LIMIT = Duration.ofMillis(250);
    /** How long a board opened without a subscription gets to subscribe before the market moves. */
    static final Duration SUBSCRIBE_PATIENCE = Duration.ofMillis(100);
    /** How long the feed may take to deliver a handful of quotes. */
    static final Duration DELIVERY_LIMIT = Duration.ofSeconds(2);

    static final List<String> SYMBOLS = List.of("ACME", "GLOBEX", "INITECH", "UMBRELLA", "WAYNE", "STARK", "TYRELL",
            "CYBERDYNE");

    /** A desk's currency and what one US dollar buys in it, roughly. */
    private record Desk(Currency currency, double usdRate, int rateDecimals) {
    }

    private static final List<Desk> DESKS = List.of(new Desk(Currency.getInstance("EUR"), 0.92, 4),
            new Desk(Currency.getInstance("GBP"), 0.79, 4), new Desk(Currency.getInstance("CHF"), 0.88, 4),
            new Desk(Currency.getInstance("JPY"), 151.0, 2), new Desk(Currency.getInstance("KWD"), 0.307, 5));

    @Override
    public String id() {
        return "this-escape";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.STALE;
    }

    /** The board starts no thread; the scenario closes its feed's dispatcher at the end of every round. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<DeskPriceBoard> subject() {
        return DeskPriceBoard.class;
    }

    @Override
    public Finding run(Class<? extends PriceBoard> implementation, Trial trial) throws Exception {
        warmUp(trial);
        Random random = new Random();
        int boards = 0;
        int quotes = 0;
        int replays = 0;
        // Round 0 opens a board before the market opens (nothing to replay): it also runs the board's code once in
        // this JVM, so that the rounds after it are as quick in a fresh JVM as in any other. Half the other rounds'
        // feeds replay before subscribe() returns, half after: rounds 1 and 3, or 2 and 4.
        int firstReplayBeforeReturning = random.nextInt(2);
        for (int round = 0; round <= ROUNDS && !trial.outOfTime(); round++) {
            Round seen = play(round, implementation, trial, random, round % 2 == firstReplayBeforeReturning);
            Finding failure = RoundJudge.judge(trial, seen);
            if (failure != null) {
                return failure;
            }
            boards++;
            quotes += seen.deliveries().size();
            replays += (int) seen.deliveries().stream().filter(Delivery::replay).count();
        }
        if (boards == 0) {
            return trial.inconclusive("the budget ran out before a board could be opened");
        }
        return trial.clean(String.format(Locale.ROOT,
                "%d boards opened (%s while the feed replayed its quotes to them, the rates service taking %d to %d ms "
                        + "to answer): all %d quotes delivered (%d of them replays) were handled by a fully built "
                        + "board, and each showed right; no listener kept the feed's dispatcher waiting",
                boards, boards == 1 ? "none of them" : (boards - 1) + " of them", FASTEST_RATES.toMillis(),
                SLOWEST_RATES.toMillis(), quotes, replays),
                new Evidence.Count("quotes delivered and shown right", quotes, quotes));
    }

    /**
     * Opens a board on a feed that has a quote for each of a few symbols (none in round 0: the market is not open yet),
     * then sends a few new quotes for some of the symbols, and notes what the feed delivered and what the board shows.
     */
    private static Round play(int number, Class<? extends PriceBoard> implementation, Trial trial, Random random,
            boolean replayBeforeReturning) throws InterruptedException {
        TimelineRecorder timeline = new TimelineRecorder(System.nanoTime());
        Desk desk = DESKS.get(random.nextInt(DESKS.size()));
        BigDecimal rate = BigDecimal.valueOf(desk.usdRate() * (0.97 + 0.06 * random.nextDouble()))
                .setScale(desk.rateDecimals(), RoundingMode.HALF_EVEN);
        List<String> symbols = symbols(random);
        try (ScriptedFeed feed = ScriptedFeed.start(implementation, timeline, trial.lockNames())) {
            if (replayBeforeReturning) {
                feed.replayBeforeReturning();
            }
            if (number > 0) {
                for (String symbol : symbols) {
                    feed.seed(quote(symbol, random));
                }
            }
            SlowRates rates = new SlowRates(desk.currency(), rate,
                    number == 0 ? Duration.ofMillis(1) : Delays.between(FASTEST_RATES, SLOWEST_RATES), feed, timeline);
            timeline.add("opens the board: " + BoardOpening.call(implementation, desk.currency()));
            long opening = System.nanoTime();
            feed.openedBy(Thread.currentThread());
            PriceBoard board = BoardOpening.open(implementation, feed, rates, desk.currency());
            feed.openedBy(null);
            if (BoardOpening.hasStart(implementation)) {
                timeline.add("board.start()");
                board.start();
            }
            Map<String, Object> built = FieldValues.of(board, implementation);
            timeline.add("the board is open; its fields: " + FieldValues.show(built));

            // A board that subscribes from another thread is judged by the quotes it then gets: give its subscription
            // a moment to arrive (a busy machine's common pool took over 45 ms), less than a board that waits on
            // purpose before it subscribes.
            for (long until = System.nanoTime() + SUBSCRIBE_PATIENCE.toNanos(); feed.subscriptions() == 0
                    && System.nanoTime() < until;) {
                Thread.sleep(1);
            }
            if (number == 0) { // the market opens: a first quote for every symbol
                for (String symbol : symbols) {
                    feed.publish(quote(symbol, random));
                }
            }
            // The market moves some symbols; the others keep their replayed quote.
            List<String> moving = symbols.subList(0, 1 + random.nextInt(symbols.size() - 1));
            for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                feed.publish(quote(moving.get(random.nextInt(moving.size())), random));
            }
            boolean delivered = feed.awaitDelivered(DELIVERY_LIMIT);
            Map<String, String> expected = new LinkedHashMap<>();
            feed.lastQuotes().forEach((symbol, quote) -> expected.put(symbol, line(quote, rate, desk)));
            Map<String, String> shown = new LinkedHashMap<>();
            for (String symbol : symbols) {
                shown.put(symbol, board.line(symbol));
            }
            return new Round(implementation.getSimpleName(),
                    new Evidence.Timeline(number == 0
                            ? "Round 0 (before the market opened), in ms since the board was opened"
                            : "Round " + number + ", in ms since the board was opened", timeline.events()),
                    feed.deliveries(), built, quote -> line(quote, rate, desk), expected, shown, delivered,
                    feed.subscriptions(), rates.dispatcherHeld(), feed.gaveUpOnReplay(), feed.dispatcherView(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opening));
        }
    }

    /**
     * Opens a board of the scenario's own, which escapes as the broken one does, once before the rounds: it loads
     * everything the feed's dispatcher takes its notes with (a thread dump, reflection), so that in a fresh JVM the
     * dispatcher of the first round is as quick to call onQuote as in any other round.
     */
    private static void warmUp(Trial trial) throws InterruptedException {
        try (ScriptedFeed feed = ScriptedFeed.start(Rehearsal.class, new TimelineRecorder(System.nanoTime()),
                trial.lockNames())) {
            feed.seed(new Quote("REHEARSAL", BigDecimal.ONE));
            feed.openedBy(Thread.currentThread());
            new Rehearsal(feed);
            feed.openedBy(null);
        }
    }

    /** A board whose constructor waits until the feed has called it, before it assigns its field. */
    private static final class Rehearsal implements PriceBoard, QuoteListener {

        private final BigDecimal rate;

        Rehearsal(ScriptedFeed feed) throws InterruptedException {
            feed.subscribe(this);
            feed.awaitDelivered(Duration.ofSeconds(1));
            this.rate = BigDecimal.ONE;
        }

        @Override
        public void onQuote(Quote quote) {
            rate.multiply(quote.usd());
        }

        @Override
        public String line(String symbol) {
            return null;
        }
    }

    private static String line(Quote quote, BigDecimal rate, Desk desk) {
        BigDecimal price = rate.multiply(quote.usd()).setScale(desk.currency().getDefaultFractionDigits(),
                RoundingMode.HALF_EVEN);
        return quote.symbol() + " " + price.toPlainString() + " " + desk.currency().getCurrencyCode();
    }

    private static Quote quote(String symbol, Random random) {
        return new Quote(symbol, BigDecimal.valueOf(100 + random.nextInt(90_000), 2));
    }

    private static List<String> symbols(Random random) {
        List<String> shuffled = new ArrayList<>(SYMBOLS);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 3 + random.nextInt(3)));
    }
}
