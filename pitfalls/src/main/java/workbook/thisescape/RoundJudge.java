package workbook.thisescape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.thisescape.ScriptedFeed.Delivery;

/**
 * Says what a round shows. The failure: a quote that the feed delivered while the board's constructor was still running,
 * and that the board then did not show right. Short of that, a board must still show every quote right, never keep the
 * feed's dispatcher waiting, and subscribe once.
 */
final class RoundJudge {

    private RoundJudge() {
    }

    /** The round's finding, or null when the board did its job. */
    static Finding judge(Trial trial, Round round) {
        for (Delivery delivery : round.deliveries()) {
            if (delivery.duringConstructor() && !round.handledRight(delivery)) {
                return escaped(trial, round, delivery);
            }
        }
        if (!round.delivered()) {
            return trial.notWorking("the feed's dispatcher was still busy " + ThisEscape.DELIVERY_LIMIT.toMillis()
                    + " ms after the last quote was sent: onQuote never returned", round.timeline(),
                    new Evidence.Threads("The feed's dispatcher", round.dispatcherNow()));
        }
        if (round.dispatcherHeld() != null) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "every quote was handled by a finished board, but the feed's dispatcher was stuck inside onQuote while "
                            + "%s's constructor waited for the rates service: the listener made the feed wait for "
                            + "the constructor, and every other subscriber of the feed waited with it%s. The contract "
                            + "says onQuote returns promptly",
                    round.board(), round.subscribeGaveUp()
                            ? String.format(Locale.ROOT,
                                    " (and feed.subscribe, which returns once the replay is delivered, waited %,d ms "
                                            + "for it in the constructor, until it gave up: a deadlock but for the "
                                            + "feed's patience)",
                                    ScriptedFeed.REPLAY_PATIENCE.toMillis())
                            : ""),
                    new Evidence.Threads("The feed's dispatcher when the rates service answered",
                            List.of(round.dispatcherHeld())),
                    round.timeline());
        }
        for (Delivery delivery : round.deliveries()) {
            if (delivery.micros() > ThisEscape.HOLD_LIMIT.toNanos() / 1000) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "onQuote(%s) kept the feed's dispatcher for %,d ms: every other subscriber waited that long. "
                                + "The contract says onQuote returns promptly",
                        delivery.quote(), Math.round(delivery.micros() / 1000.0)), round.timeline());
            }
        }
        for (Delivery delivery : round.deliveries()) {
            if (delivery.thrown() != null) {
                return trial.notWorking("onQuote(" + delivery.quote() + ") threw " + delivery.thrown()
                        + " on a fully built board", round.timeline(),
                        new Evidence.Threads("What onQuote threw",
                                List.of(ThreadViews.thrown(ScriptedFeed.DISPATCHER, delivery.thrown()))));
            }
            if (!round.handledRight(delivery)) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "after onQuote(%s) returned, the board showed %s, not \"%s\"", delivery.quote(),
                        Round.shown(delivery.quote().symbol(), delivery.lineAfter()),
                        round.right().apply(delivery.quote())), round.timeline());
            }
        }
        if (round.subscriptions() == 0) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%,d ms after it was opened, with every quote sent delivered, the board had not subscribed to "
                            + "the feed: it showed nothing. The contract says an open board shows every quote",
                    round.millisOpen()), round.timeline());
        }
        if (round.subscriptions() > 1) {
            return trial.notWorking("the board subscribed to the feed " + round.subscriptions()
                    + " times: it receives every quote as often", round.timeline());
        }
        List<String> wrong = round.wrongAtTheEnd();
        if (!wrong.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "once every quote was delivered, the board showed %s; the feed's last quotes make it %s",
                    wrong.stream().map(s -> Round.shown(s, round.shown().get(s))).collect(Collectors.joining(", ")),
                    wrong.stream().map(s -> "\"" + round.expected().get(s) + "\"")
                            .collect(Collectors.joining(", "))),
                    round.timeline());
        }
        return null;
    }

    /** The failure: a quote handled by a board whose constructor had not finished. */
    private static Finding escaped(Trial trial, Round round, Delivery delivery) {
        List<String> unassigned = new ArrayList<>();
        if (delivery.fieldsAtCall() != null) {
            delivery.fieldsAtCall().forEach((field, value) -> {
                Object built = round.built().get(field);
                if (FieldValues.isDefault(value) && !FieldValues.isDefault(built)) {
                    unassigned.add(field + " was still " + FieldValues.show(value) + " (the finished board holds "
                            + FieldValues.show(built) + ")");
                }
            });
        }
        String state = unassigned.isEmpty()
                ? delivery.fieldsShown() == null ? "" : ", on a board whose fields were " + delivery.fieldsShown()
                : ", on a board whose " + String.join(", ", unassigned);
        String outcome = delivery.thrown() != null
                ? "threw " + delivery.thrown().getClass().getSimpleName()
                : delivery.lineAfter() == null
                        ? "returned without showing the quote"
                        : "showed \"" + delivery.lineAfter() + "\" instead of \""
                                + round.right().apply(delivery.quote()) + "\"";
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence.Threads("Where " + round.board() + "'s constructor was when the feed called onQuote",
                List.of(delivery.constructor())));
        if (delivery.thrown() != null) {
            evidence.add(new Evidence.Threads("What onQuote threw on " + ScriptedFeed.DISPATCHER + " (the feed caught"
                    + " it and went on)", List.of(ThreadViews.thrown(ScriptedFeed.DISPATCHER, delivery.thrown()))));
        }
        if (delivery.fieldsShown() != null) {
            evidence.add(new Evidence.Note("The board's fields when the feed called onQuote: " + delivery.fieldsShown()
                    + ". Once its constructor had returned: " + FieldValues.show(round.built()) + "."));
        }
        List<Delivery> replays = round.deliveries().stream().filter(Delivery::replay).toList();
        evidence.add(new Evidence.Count("replayed quotes shown right", replays.size(),
                replays.stream().filter(round::handledRight).count()));
        evidence.add(round.timeline());
        return trial.reproduced(FailureKind.STALE,
                String.format(Locale.ROOT,
                        "the feed called onQuote(%s) on %s while %s's constructor was still running%s%s: "
                                + "onQuote %s%s",
                        delivery.quote(), ScriptedFeed.DISPATCHER, round.board(),
                        where(delivery.constructor()), state, outcome, leftOnTheBoard(round)),
                evidence.toArray(Evidence[]::new));
    }

    /** What the board still showed wrong once every quote was delivered, as the end of a sentence; or nothing. */
    private static String leftOnTheBoard(Round round) {
        List<String> wrong = round.wrongAtTheEnd();
        if (wrong.isEmpty()) {
            return "";
        }
        List<String> left = new ArrayList<>();
        List<String> blank = wrong.stream().filter(s -> round.shown().get(s) == null).toList();
        if (!blank.isEmpty()) {
            left.add("nothing for " + String.join(", ", blank));
        }
        wrong.stream().filter(s -> round.shown().get(s) != null).map(s -> Round.shown(s, round.shown().get(s)))
                .forEach(left::add);
        return ". Once every quote was delivered, the board still showed " + String.join("; ", left);
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
}
