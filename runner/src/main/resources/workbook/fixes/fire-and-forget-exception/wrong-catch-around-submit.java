package workbook.fireandforgetexception;

import java.util.List;
import java.util.concurrent.ExecutorService;

// Wrong fix: the try/catch is around submit(), which only throws when the task cannot be queued. The task runs
// later on a pool thread, long after this catch block is gone, and its exception is stored in the dropped Future.
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
            try {
                executor.submit(() -> gateway.deliver(receipt.email(), receipt.text()));
            } catch (RuntimeException e) {
                errors.report("the receipt of order " + receipt.orderId() + " was not sent", e);
            }
        }
    }
}
