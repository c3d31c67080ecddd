package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

// Wrong fix: subscribe a while later, "by then the constructor is done". Whether it is depends on the rates service:
// a slower answer than the delay, and the quotes reach a half-built board again; a faster one, and the board is open
// but shows nothing until the delay is over.
// expect: DOES NOT WORK

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final Currency currency;
    private final BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        this.currency = currency;
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> feed.subscribe(this));
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
