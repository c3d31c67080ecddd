package workbook.reusedtaskargument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: wait for each mail before the builder is reused. Every text is right, but announce() now waits for
// the mail pool, and on a busy pool that is for good; the contract says it returns at once.
// expect: DOES NOT WORK

/** Mails each customer whose order has shipped, on the mail pool, so that a batch never waits for the mails. */
public class ShippingNotices implements Notices {

    private final Executor mailPool;
    private final Mailer mailer;

    public ShippingNotices(Executor mailPool, Mailer mailer) {
        this.mailPool = mailPool;
        this.mailer = mailer;
    }

    @Override
    public void announce(List<Order> shipped) {
        StringBuilder text = new StringBuilder();
        for (Order order : shipped) {
            text.setLength(0);
            text.append("Dear ").append(order.customer()).append(", your order ").append(order.number())
                    .append(" has shipped.");
            CompletableFuture.runAsync(() -> mailer.send(order.customer(), text.toString()), mailPool).join();
        }
    }
}
