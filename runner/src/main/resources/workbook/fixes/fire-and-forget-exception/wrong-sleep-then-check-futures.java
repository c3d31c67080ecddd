package workbook.fireandforgetexception;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: keep the futures, give the mail server a moment, then report the ones that failed. A future still
// running after the moment is never looked at again, so a slow bounce is lost; and the moment is spent by checkout.
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
        List<Map.Entry<Receipt, Future<?>>> sent = new ArrayList<>();
        for (Receipt receipt : receipts) {
            if (receipt.email().isBlank()) {
                errors.report("order " + receipt.orderId() + " has no e-mail address", null);
                continue;
            }
            sent.add(Map.entry(receipt, executor.submit(() -> gateway.deliver(receipt.email(), receipt.text()))));
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Map.Entry<Receipt, Future<?>> each : sent) {
            if (each.getValue().state() == Future.State.FAILED) {
                errors.report("the receipt of order " + each.getKey().orderId() + " was not sent",
                        each.getValue().exceptionNow());
            }
        }
    }
}
