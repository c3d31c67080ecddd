package workbook.fireandforgetexception;

import java.util.List;

/**
 * Sends the receipts of a checkout batch. {@link #sendAll} returns at once, without waiting for the mail server: the
 * mails go out in the background, on the executor the sender was given, each receipt once. Every receipt that cannot
 * be sent is reported to its {@link ErrorReporter}, with the exception that stopped it (a receipt without an address,
 * with none).
 */
public interface ReceiptSender {

    void sendAll(List<Receipt> receipts);
}
