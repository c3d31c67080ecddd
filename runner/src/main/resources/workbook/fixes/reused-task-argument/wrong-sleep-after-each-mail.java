package workbook.reusedtaskargument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: give each mail a moment to be read before the builder is rewritten. A busy pool starts its tasks
// when it can, not within the moment: the builder is rewritten all the same.
// expect: STILL BROKEN

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
            mailPool.execute(() -> mailer.send(order.customer(), text.toString()));
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
