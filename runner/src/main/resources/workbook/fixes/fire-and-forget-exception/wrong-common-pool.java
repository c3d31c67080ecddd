package workbook.fireandforgetexception;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

// Wrong fix: every failure is reported, but runAsync() without an executor sends the mails on the JVM's common
// pool, not on the executor the sender was given (which the application sized and named for its mail).
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
            CompletableFuture.runAsync(() -> gateway.deliver(receipt.email(), receipt.text()))
                    .whenComplete((sent, error) -> {
                        if (error != null) {
                            errors.report("the receipt of order " + receipt.orderId() + " was not sent", error);
                        }
                    });
        }
    }
}
