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
import java.util.function.Function;
import java.util.stream.Collectors;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.ThreadViews;
import workbook.harness.TimelineRecorder;
import workbook.harness.Trial;
import workbook.thisescape.ScriptedFeed.Delivery;

/**
 * Opens a desk's price board on a feed that already has a quote for each of a few symbols, as a feed does once the
 * market is open. The feed replays those quotes to the new subscriber at once, from its dispatcher thread; meanwhile
 * the board asks the rates service for its exchange rate, which answers after a latency drawn anew for each board
 * ({@link #FASTEST_RATES} to {@link #SLOWEST_RATES}). Then the market sends a few new quotes, for some of the symbols
 * only: the others keep the replayed quote as their last. Each round draws the desk's currency, its rate, the symbols
 * and the prices.
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
        Random random = new Random();
        int boards = 0;
        int delivered = 0;
        int replays = 0;
        for (int round = 1; round <= ROUNDS && !trial.outOfTime(); round++) {
            TimelineRecorder timeline = new TimelineRecorder(System.nanoTime());
            Desk desk = DESKS.get(random.nextInt(DESKS.size()));
            BigDecimal rate = BigDecimal.valueOf(desk.usdRate() * (0.97 + 0.06 * random.nextDouble()))
                    .setScale(desk.rateDecimals(), RoundingMode.HALF_EVEN);
            List<String> symbols = symbols(random);
            try (ScriptedFeed feed = new ScriptedFeed(implementation, timeline, trial.lockNames())) {
                for (String symbol : symbols) {
                    feed.seed(quote(symbol, random));
                }
                SlowRates rates = new SlowRates(desk.currency(), rate,
                        Delays.between(FASTEST_RATES, SLOWEST_RATES), feed, timeline);

                timeline.add("opens the board: " + BoardOpening.call(implementation, desk.currency()));
                feed.openedBy(Thread.currentThread());
                PriceBoard board = BoardOpening.open(implementation, feed, rates, desk.currency());
                feed.openedBy(null);
                if (BoardOpening.hasStart(implementation)) {
                    timeline.add("board.start()");
                    board.start();
                }
                Map<String, Object> built = FieldValues.of(board, implementation);
                timeline.add("the board is open; its fields: " + FieldValues.show(built));

                // The market moves some symbols; the others keep their replayed quote.
                List<String> moving = symbols.subList(0, 1 + random.nextInt(symbols.size() - 1));
                for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                    feed.publish(quote(moving.get(random.nextInt(moving.size())), random));
                }
                boolean drained = feed.awaitDelivered(DELIVERY_LIMIT);
                List<Delivery> deliveries = feed.deliveries();
                Map<String, String> expected = new LinkedHashMap<>();
                feed.lastQuotes().forEach((symbol, quote) -> expected.put(symbol, line(quote, rate, desk)));
                Map<String, String> shown = new LinkedHashMap<>();
                for (String symbol : symbols) {
                    shown.put(symbol, board.line(symbol));
                }

                Finding failure = judge(trial, implementation, round, timeline, deliveries, built,
                        quote -> line(quote, rate, desk), expected, shown, drained, feed, rates);
                if (failure != null) {
                    return failure;
                }
                boards++;
                delivered += deliveries.size();
                replays += (int) deliveries.stream().filter(Delivery::replay).count();
            }
        }
        if (boards == 0) {
            return trial.inconclusive("the budget ran out before a board could be opened");
        }
        return trial.clean(String.format(Locale.ROOT,
                "%d boards opened while the feed replayed its quotes to them and the rates service took %d to %d ms "
                        + "to answer: all %d quotes delivered (%d of them replays) were handled by a fully built "
                        + "board, and each showed right; no listener kept the feed's dispatcher waiting",
                boards, FASTEST_RATES.toMillis(), SLOWEST_RATES.toMillis(), delivered, replays),
                new Evidence.Count("quotes delivered and shown right", delivered, delivered));
    }

    private Finding judge(Trial trial, Class<? extends PriceBoard> implementation, int round,
            TimelineRecorder timeline, List<Delivery> deliveries, Map<String, Object> built,
            Function<Quote, String> right, Map<String, String> expected, Map<String, String> shown, boolean drained,
            ScriptedFeed feed, SlowRates rates) {
        String name = implementation.getSimpleName();
        Evidence.Timeline events = new Evidence.Timeline("Round " + round + ", in ms since the board was opened",
                timeline.events());
        for (Delivery delivery : deliveries) {
            if (delivery.duringConstructor() && !handledRight(delivery, right)) {
                return escaped(trial, name, delivery, right, built, expected, shown, deliveries, events);
            }
        }
        if (!drained) {
            return trial.notWorking("the feed's dispatcher was still busy " + DELIVERY_LIMIT.toMillis()
                    + " ms after the last quote was sent: onQuote never returned", events,
                    new Evidence.Threads("The feed's dispatcher", feed.dispatcherView()));
        }
        if (rates.dispatcherHeld() != null) {
            Delivery held = deliveries.stream().filter(Delivery::duringConstructor).findFirst().orElse(null);
            return trial.notWorking(String.format(Locale.ROOT,
                    "no quote reached a half-built board, but the feed's dispatcher was stuck inside onQuote while "
                            + "%s's constructor waited for the rates service%s: the listener made the feed wait for "
                            + "the constructor, and every other subscriber of the feed waited with it. The contract "
                            + "says onQuote returns promptly",
                    name, held == null
                            ? ""
                            : String.format(Locale.ROOT, " (onQuote(%s) took %,d ms)", held.quote(),
                                    Math.round(held.micros() / 1000.0))),
                    new Evidence.Threads("The feed's dispatcher when the rates service answered",
                            List.of(rates.dispatcherHeld())),
                    events);
        }
        for (Delivery delivery : deliveries) {
            if (delivery.micros() > HOLD_LIMIT.toNanos() / 1000) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "onQuote(%s) kept the feed's dispatcher for %,d ms: every other subscriber waited that long. "
                                + "The contract says onQuote returns promptly",
                        delivery.quote(), Math.round(delivery.micros() / 1000.0)), events);
            }
        }
        for (Delivery delivery : deliveries) {
            if (delivery.thrown() != null) {
                return trial.notWorking("onQuote(" + delivery.quote() + ") threw " + delivery.thrown()
                        + " on a fully built board", events,
                        new Evidence.Threads("What onQuote threw",
                                List.of(ThreadViews.thrown(ScriptedFeed.DISPATCHER, delivery.thrown()))));
            }
            if (!handledRight(delivery, right)) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "after onQuote(%s) returned, the board showed %s, not \"%s\"", delivery.quote(),
                        shown(delivery.quote().symbol(), delivery.lineAfter()), right.apply(delivery.quote())),
                        events);
            }
        }
        if (feed.subscriptions() != 1) {
            return trial.notWorking(feed.subscriptions() == 0
                    ? "the board never subscribed to the feed"
                    : "the board subscribed to the feed " + feed.subscriptions()
                            + " times: it receives every quote as often",
                    events);
        }
        List<String> wrong = wrongAtTheEnd(expected, shown);
        if (!wrong.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "once every quote was delivered, the board showed %s; the feed's last quotes make it %s",
                    wrong.stream().map(s -> shown(s, shown.get(s))).collect(Collectors.joining(", ")),
                    wrong.stream().map(s -> "\"" + expected.get(s) + "\"").collect(Collectors.joining(", "))),
                    events);
        }
        return null;
    }

    /** The failure: a quote handled by a board whose constructor had not finished. */
    private Finding escaped(Trial trial, String name, Delivery delivery, Function<Quote, String> right,
            Map<String, Object> built, Map<String, String> expected, Map<String, String> shown,
            List<Delivery> deliveries, Evidence.Timeline events) {
        List<String> unassigned = new ArrayList<>();
        if (delivery.fieldsAtCall() != null) {
            delivery.fieldsAtCall().forEach((field, value) -> {
                if (FieldValues.isDefault(value) && !FieldValues.isDefault(built.get(field))) {
                    unassigned.add(field + " = " + FieldValues.show(value) + " (the finished board holds "
                            + FieldValues.show(built.get(field)) + ")");
                }
            });
        }
        String outcome = delivery.thrown() != null
                ? "threw " + delivery.thrown().getClass().getSimpleName()
                : delivery.lineAfter() == null
                        ? "returned without showing the quote"
                        : "showed \"" + delivery.lineAfter() + "\" instead of \"" + right.apply(delivery.quote())
                                + "\"";
        List<String> wrong = wrongAtTheEnd(expected, shown);
        List<String> blank = wrong.stream().filter(s -> shown.get(s) == null).toList();
        List<String> wrongLines = wrong.stream().filter(s -> shown.get(s) != null).map(s -> shown(s, shown.get(s)))
                .toList();
        List<String> left = new ArrayList<>(wrongLines);
        if (!blank.isEmpty()) {
            left.add(0, "nothing for " + String.join(", ", blank));
        }
        String consequence = left.isEmpty()
                ? ""
                : ". Once every quote was delivered, the board still showed " + String.join("; ", left);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence.Threads("Where " + name + "'s constructor was when the feed called onQuote",
                List.of(delivery.constructor())));
        if (delivery.thrown() != null) {
            evidence.add(new Evidence.Threads("What onQuote threw on " + ScriptedFeed.DISPATCHER + " (the feed caught"
                    + " it and went on)", List.of(ThreadViews.thrown(ScriptedFeed.DISPATCHER, delivery.thrown()))));
        }
        if (delivery.fieldsShown() != null) {
            evidence.add(new Evidence.Note("The board's fields when the feed called onQuote: " + delivery.fieldsShown()
                    + ". Once its constructor had returned: " + FieldValues.show(built) + "."));
        }
        List<Delivery> replays = deliveries.stream().filter(Delivery::replay).toList();
        evidence.add(new Evidence.Count("replayed quotes shown right", replays.size(),
                replays.stream().filter(d -> handledRight(d, right)).count()));
        evidence.add(events);
        return trial.reproduced(FailureKind.STALE, String.format(Locale.ROOT,
                "the feed called onQuote(%s) on %s while %s's constructor was still running%s: it %s, and %s%s",
                delivery.quote(), ScriptedFeed.DISPATCHER, name, where(delivery.constructor()),
                unassigned.isEmpty()
                        ? "saw the board's fields as " + delivery.fieldsShown()
                        : "read " + String.join(", ", unassigned),
                outcome, consequence), evidence.toArray(Evidence[]::new));
    }

    private static boolean handledRight(Delivery delivery, Function<Quote, String> right) {
        return delivery.thrown() == null
                && (!delivery.boardFound() || right.apply(delivery.quote()).equals(delivery.lineAfter()));
    }

    private static List<String> wrongAtTheEnd(Map<String, String> expected, Map<String, String> shown) {
        return expected.keySet().stream().filter(s -> !expected.get(s).equals(shown.get(s))).toList();
    }

    private static String shown(String symbol, String line) {
        return line == null ? "nothing for " + symbol : "\"" + line + "\"";
    }

    /** What the constructor was doing, from its stack: waiting for the rates service, or still subscribing. */
    private static String where(Evidence.ThreadView constructor) {
        String init = constructor.stack().getLast();
        String at = init.substring(init.indexOf('(') + 1, init.length() - 1);
        if (constructor.stack().stream().anyMatch(f -> f.startsWith(SlowRates.class.getName() + ".usdTo("))) {
            return " (at " + at + ", waiting for the rates service)";
        }
        if (constructor.stack().stream().anyMatch(f -> f.startsWith(ScriptedFeed.class.getName() + ".subscribe("))) {
            return " (at " + at + ", inside feed.subscribe)";
        }
        return " (at " + at + ")";
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
