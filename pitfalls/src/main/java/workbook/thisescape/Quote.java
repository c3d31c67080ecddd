package workbook.thisescape;

import java.math.BigDecimal;

/** A symbol's latest trade price, in US dollars. */
public record Quote(String symbol, BigDecimal usd) {

    @Override
    public String toString() {
        return symbol + " " + usd.toPlainString() + " USD";
    }
}
