package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: fetch the rate before subscribing, so that the slow call is out of the window. One assignment is still
// after the subscribe: a feed that replays the last quotes before subscribe() returns (the contract allows it) calls
// onQuote before the currency is set, every time; another feed does so now and then.
// expect: STILL BROKEN

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final Currency currency;
    private final BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        this.usdRate = rates.usdTo(currency);
        feed.subscribe(this);
        this.currency = currency;
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
