package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: hold the board's lock through the constructor, and take it in onQuote. The callback now waits for a
// finished board and reads the right rate, but it waits on the feed's dispatcher thread, for as long as the rates
// service takes: every other subscriber of the feed waits with it (and a feed whose subscribe() waited for its
// dispatcher would deadlock here).
// expect: DOES NOT WORK

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private Currency currency;
    private BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        synchronized (this) {
            this.currency = currency;
            feed.subscribe(this);
            this.usdRate = rates.usdTo(currency);
        }
    }

    @Override
    public synchronized void onQuote(Quote quote) {
        BigDecimal price = usdRate.multiply(quote.usd()).setScale(currency.getDefaultFractionDigits(),
                RoundingMode.HALF_EVEN);
        lines.put(quote.symbol(), quote.symbol() + " " + price.toPlainString() + " " + currency.getCurrencyCode());
    }

    @Override
    public String line(String symbol) {
        return lines.get(symbol);
    }
}
