package workbook.fireandforgetexception;

import java.util.List;
import java.util.concurrent.ExecutorService;

// Wrong fix: the task catches the bounce and reports the order, but drops the exception itself: the report says a
// receipt was not sent, not why (the mail server's "550 5.1.1 mailbox unavailable" is lost). The contract says a
// receipt that cannot be sent is reported with the exception that stopped it.
// expect: STILL BROKEN

/** Mails receipts in the background, so that checkout never waits for the mail server. */
public class ReceiptMailer implements ReceiptSender {

    private final ExecutorService executor;
    private final MailGateway gateway;
    private final ErrorReporter errors;

    public ReceiptMailer(ExecutorService executor, MailGateway gateway, ErrorReporter errors) {
        this.executor = executor;
        this.gateway = gateway;
        this.errors = errors;
    }

    @Override
    public void sendAll(List<Receipt> receipts) {
        for (Receipt receipt : receipts) {
            if (receipt.email().isBlank()) {
                errors.report("order " + receipt.orderId() + " has no e-mail address", null);
                continue;
            }
            executor.submit(() -> {
                try {
                    gateway.deliver(receipt.email(), receipt.text());
                } catch (RuntimeException e) {
                    errors.report("the receipt of order " + receipt.orderId() + " was not sent", null);
                }
            });
        }
    }
}
