package workbook.fireandforgetexception;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: reading each Future with get() right after submit() does see every failure, but sendAll() now waits
// for the mail server one receipt after another, and checkout waits with it; the contract says it returns at once.
// expect: DOES NOT WORK

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
            Future<?> sent = executor.submit(() -> gateway.deliver(receipt.email(), receipt.text()));
            try {
                sent.get();
            } catch (ExecutionException e) {
                errors.report("the receipt of order " + receipt.orderId() + " was not sent", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
