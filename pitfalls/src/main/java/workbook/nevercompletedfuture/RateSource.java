package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;

/** The remote rate service: a blocking call over the network. */
public interface RateSource {

    /** How many units of {@code currency} one euro buys. */
    BigDecimal fetchRate(String currency) throws IOException;
}
