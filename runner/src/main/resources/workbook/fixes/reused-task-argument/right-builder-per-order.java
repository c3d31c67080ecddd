package workbook.reusedtaskargument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Right fix, another way than the reference: a new builder for every order, so no task shares one with another.
// expect: FIXED

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
        for (Order order : shipped) {
            StringBuilder text = new StringBuilder();
            text.append("Dear ").append(order.customer()).append(", your order ").append(order.number())
                    .append(" has shipped.");
            mailPool.execute(() -> mailer.send(order.customer(), text.toString()));
        }
    }
}
