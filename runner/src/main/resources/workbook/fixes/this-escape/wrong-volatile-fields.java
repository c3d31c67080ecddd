package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: volatile fields, "so that the feed's thread sees them". Visibility was never the problem: the feed's
// thread reads usdRate before the constructor has written it, and volatile cannot make a write happen sooner.
// expect: STILL BROKEN

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private volatile Currency currency;
    private volatile BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        this.currency = currency;
        feed.subscribe(this);
        this.usdRate = rates.usdTo(currency);
    }

    @Override
    public void onQuote(Quote quote) {
        BigDecimal price = usdRate.multiply(quote.usd()).setScale(currency.getDefaultFractionDigits(),
                RoundingMode.HALF_EVEN);
        lines.put(quote.symbol(), quote.symbol() + " " + price.toPlainString() + " " + currency.getCurrencyCode());
    }

    @Override
    public String line(String symbol) {
        return lines.get(symbol);
    }
}
