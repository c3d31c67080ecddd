package workbook.thisescape;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import workbook.harness.Evidence;
import workbook.harness.Evidence.ThreadView;
import workbook.thisescape.ScriptedFeed.Delivery;

/**
 * What one round saw: a board opened on a feed, and every quote the feed then delivered to it.
 *
 * @param board the board's class, by its simple name
 * @param built the board's fields once it was open, as {@link FieldValues} reads them
 * @param right the line a quote should show, in the desk's currency
 * @param expected per symbol, the line its last quote should show
 * @param shown per symbol, the line the board showed once every quote was delivered
 * @param delivered false if the feed's dispatcher was still busy when the scenario stopped waiting for it
 * @param dispatcherHeld the dispatcher, seen stuck inside onQuote when the rates service answered; or null
 * @param subscribeGaveUp true when the feed's subscribe, which waited for the replay, gave up waiting
 * @param dispatcherNow the dispatcher as it was when the round ended
 * @param millisOpen how long the board had been open when the round ended
 */
record Round(String board, Evidence.Timeline timeline, List<Delivery> deliveries,
        Map<String, Object> built, Function<Quote, String> right, Map<String, String> expected,
        Map<String, String> shown, boolean delivered, int subscriptions, ThreadView dispatcherHeld,
        boolean subscribeGaveUp,
        List<ThreadView> dispatcherNow, long millisOpen) {

    /** True when a delivery threw nothing and the board then showed the right line for its quote. */
    boolean handledRight(Delivery delivery) {
        return delivery.thrown() == null
                && (!delivery.boardFound() || right.apply(delivery.quote()).equals(delivery.lineAfter()));
    }

    /** The symbols whose line was wrong or missing once every quote was delivered. */
    List<String> wrongAtTheEnd() {
        return expected.keySet().stream().filter(s -> !expected.get(s).equals(shown.get(s))).toList();
    }

    /** The line the board showed, quoted, or "nothing for ACME". */
    static String shown(String symbol, String line) {
        return line == null ? "nothing for " + symbol : "\"" + line + "\"";
    }
}
