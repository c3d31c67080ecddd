package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Right fix, another way than the reference: the constructor only builds; start(), which the contract has callers
// call once the board is open, subscribes it. The cost: a caller who forgets start() gets a board that never updates.
// expect: FIXED

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final QuoteFeed feed;
    private final Currency currency;
    private final BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        this.feed = feed;
        this.currency = currency;
        this.usdRate = rates.usdTo(currency);
    }

    @Override
    public void start() {
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
