package workbook.fireandforgetexception;

import java.util.List;

/**
 * Sends the receipts of a checkout batch. {@link #sendAll} returns at once; the mails go out in the background, on
 * the executor the sender was given, and every receipt that cannot be sent is reported to its {@link ErrorReporter}.
 */
public interface ReceiptSender {

    void sendAll(List<Receipt> receipts);
}
