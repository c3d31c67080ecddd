package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

// Wrong fix: a latch the constructor opens as its last statement, which onQuote awaits. The callback now reads a
// finished board (the latch orders the constructor's writes before its reads), but it waits on the feed's
// dispatcher thread for as long as the rates service takes, and every other subscriber waits with it.
// expect: DOES NOT WORK

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final CountDownLatch built = new CountDownLatch(1);
    private final Currency currency;
    private final BigDecimal usdRate;

    public DeskPriceBoard(QuoteFeed feed, FxRates rates, Currency currency) {
        this.currency = currency;
        feed.subscribe(this);
        this.usdRate = rates.usdTo(currency);
        built.countDown();
    }

    @Override
    public void onQuote(Quote quote) {
        try {
            built.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
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
