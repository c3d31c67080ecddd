package workbook.thisescape;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.math.BigDecimal;
import java.util.Currency;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * The desk opens its board on a feed while the feed's dispatcher delivers a quote to whoever has subscribed. The feed
 * keeps its subscriber in a plain field, as a simple feed would; the board is opened as its callers open it (its
 * factory method if it has one, else its constructor). Recorded: the line the quote made, or what went wrong.
 */
public class DeskPriceBoardStress {

    static final Currency EUR = Currency.getInstance("EUR");
    static final FxRates RATES = currency -> new BigDecimal("0.92");

    /** A feed with one subscriber, delivered to by {@link #dispatch} on the dispatcher's thread. */
    static final class Feed implements QuoteFeed {
        private QuoteListener subscriber;

        @Override
        public void subscribe(QuoteListener listener) {
            subscriber = listener;
        }

        String dispatch() {
            QuoteListener board = subscriber;
            if (board == null) {
                return "no subscriber yet";
            }
            try {
                board.onQuote(new Quote("ACME", new BigDecimal("100.20")));
                return ((PriceBoard) board).line("ACME");
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName();
            }
        }
    }

    @JCStressTest
    @Description("outcome: the board's line after the dispatcher delivered a quote of ACME at 100.20 USD")
    @Outcome(id = "no subscriber yet", expect = ACCEPTABLE, desc = "the dispatcher came before the board subscribed")
    @Outcome(id = "ACME 92.18 EUR", expect = ACCEPTABLE, desc = "the quote reached a whole board")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "the quote reached a half-built board: its rate not yet set")
    @State
    public static class Broken {
        private final Feed feed = new Feed();

        @Actor
        public void desk() {
            BoardOpening.open(DeskPriceBoard.class, feed, RATES, EUR);
        }

        @Actor
        public void dispatcher(L_Result r) {
            r.r1 = feed.dispatch();
        }
    }

    @JCStressTest
    @Description("outcome: the board's line after the dispatcher delivered a quote of ACME at 100.20 USD")
    @Outcome(id = "no subscriber yet", expect = ACCEPTABLE, desc = "the dispatcher came before the board subscribed")
    @Outcome(id = "ACME 92.18 EUR", expect = ACCEPTABLE, desc = "the quote reached a whole board")
    @Outcome(expect = FORBIDDEN, desc = "the quote reached a half-built board: its rate not yet set")
    @State
    public static class Fixed {
        private final Feed feed = new Feed();

        @Actor
        public void desk() {
            BoardOpening.open(DeskPriceBoard.class, feed, RATES, EUR);
        }

        @Actor
        public void dispatcher(L_Result r) {
            r.r1 = feed.dispatch();
        }
    }
}
