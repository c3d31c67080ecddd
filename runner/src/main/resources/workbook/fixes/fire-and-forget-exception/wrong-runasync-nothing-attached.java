package workbook.fireandforgetexception;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

// Wrong fix: CompletableFuture.runAsync() instead of submit() changes the kind of future, not the fate of the
// exception: it is stored in the CompletableFuture, which is dropped just the same.
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
            CompletableFuture.runAsync(() -> gateway.deliver(receipt.email(), receipt.text()), executor);
        }
    }
}
