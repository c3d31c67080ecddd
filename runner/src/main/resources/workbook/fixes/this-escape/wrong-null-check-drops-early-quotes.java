package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: a null check in the callback, "the next quote will fix it". No more exception, but the replayed quotes
// that arrive before the rate are dropped, and a quiet symbol has no next quote: it stays blank on the board.
// expect: STILL BROKEN

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final Currency currency;
    private final BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        this.currency = currency;
        feed.subscribe(this);
        this.usdRate = rates.usdTo(currency);
    }

    @Override
    public void onQuote(Quote quote) {
        if (usdRate == null) {
            return; // still starting up: the next quote will show
        }
        BigDecimal price = usdRate.multiply(quote.usd()).setScale(currency.getDefaultFractionDigits(),
                RoundingMode.HALF_EVEN);
        lines.put(quote.symbol(), quote.symbol() + " " + price.toPlainString() + " " + currency.getCurrencyCode());
    }

    @Override
    public String line(String symbol) {
        return lines.get(symbol);
    }
}
