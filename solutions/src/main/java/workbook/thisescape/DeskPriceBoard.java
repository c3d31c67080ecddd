package workbook.thisescape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The desk's board: every symbol's last price, converted from US dollars into the desk's currency. */
public class DeskPriceBoard implements PriceBoard, QuoteListener {

    private final Map<String, String> lines = new ConcurrentHashMap<>();
    private final Currency currency;
    private final BigDecimal usdRate;

    private DeskPriceBoard(FxRates rates, Currency currency) {
        this.currency = currency;
        this.usdRate = rates.usdTo(currency);
    }

    /** Opens a board: built first, subscribed after, so that no quote reaches a half-built board. */
    public static DeskPriceBoard open(QuoteFeed feed, FxRates rates, Currency currency) {
        DeskPriceBoard board = new DeskPriceBoard(rates, currency);
        feed.subscribe(board);
        return board;
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
