package workbook.thisescape;

import java.math.BigDecimal;
import java.util.Currency;

/** Exchange rates, from the rates service: a remote call, which takes milliseconds to seconds. */
public interface FxRates {

    /** What one US dollar buys in {@code currency}. */
    BigDecimal usdTo(Currency currency);
}
