package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Right here, though 'this' still escapes: subscribe as the constructor's last statement, in a final class. Every
// field is assigned before the feed can see the board, and the feed hands it to its dispatcher through a concurrent
// queue, which orders those writes before the dispatcher's reads. It holds only as long as nobody adds a field
// below the subscribe, or a subclass (hence final; javac -Xlint:this-escape warns only when the class is not final).
// expect: FIXED

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public final class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final Currency currency;
    private final BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        this.currency = currency;
        this.usdRate = rates.usdTo(currency);
        feed.subscribe(this);
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
