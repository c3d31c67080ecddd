package workbook.fireandforgetexception;

import java.util.List;
import java.util.concurrent.ExecutorService;

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
                // Nobody reads the Future that submit() returns: a failure not reported here is never seen.
                try {
                    gateway.deliver(receipt.email(), receipt.text());
                } catch (RuntimeException e) {
                    errors.report("the receipt of order " + receipt.orderId() + " was not sent", e);
                }
            });
        }
    }
}
