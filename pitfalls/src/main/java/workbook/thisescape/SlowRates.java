package workbook.thisescape;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.TimelineRecorder;

/**
 * The scenario's rates service: answers one rate after a latency drawn for the round, as a remote call does. When it
 * answers, it looks whether the feed's dispatcher has been stuck inside {@code onQuote} meanwhile (a board that makes
 * its listener wait for the constructor keeps every subscriber of the feed waiting that long).
 */
final class SlowRates implements FxRates {

    /** How long the dispatcher must have been inside one call of onQuote, when the service answers, to count as stuck. */
    static final Duration STUCK = Duration.ofMillis(5);

    private final Currency currency;
    private final BigDecimal rate;
    private final Duration latency;
    private final ScriptedFeed feed;
    private final TimelineRecorder timeline;
    private final String called;
    private final String answered;
    private volatile ThreadView dispatcherHeld;

    SlowRates(Currency currency, BigDecimal rate, Duration latency, ScriptedFeed feed, TimelineRecorder timeline) {
        this.currency = currency;
        this.rate = rate;
        this.latency = latency;
        this.feed = feed;
        this.timeline = timeline;
        // Written now, so that the call itself spends its time waiting for the service, as a remote call does.
        this.called = "rates.usdTo(" + currency + ") called: the rates service answers in " + latency.toMillis()
                + " ms";
        this.answered = "the rates service answered: 1 USD = " + rate.toPlainString() + " " + currency;
    }

    @Override
    public BigDecimal usdTo(Currency wanted) {
        if (!currency.equals(wanted)) {
            throw new IllegalArgumentException("the desk's currency is " + currency + ", not " + wanted);
        }
        timeline.add(called);
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A board built before it subscribes is never called during this call; one that escaped may be, but its
        // onQuote takes microseconds unless it waits for the constructor.
        if (!feed.isDispatcher(Thread.currentThread())) {
            ThreadView dispatcher = feed.dispatcherStuckInOnQuote(STUCK);
            if (dispatcher != null) {
                dispatcherHeld = dispatcher;
            }
        }
        timeline.add(answered);
        return rate;
    }

    /** The dispatcher, seen stuck inside onQuote when the rates service answered, if it was. */
    ThreadView dispatcherHeld() {
        return dispatcherHeld;
    }
}
