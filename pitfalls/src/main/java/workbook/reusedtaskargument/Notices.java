package workbook.reusedtaskargument;

import java.util.List;

/** Tells customers that their orders have shipped. */
public interface Notices {

    /**
     * Sends every shipped order's customer one mail about that order. The promises beyond the mails: each mail
     * names its own order and customer and nobody else's; announce returns at once, without waiting for the mails,
     * which go out on the mail pool it was given.
     */
    void announce(List<Order> shipped);
}
