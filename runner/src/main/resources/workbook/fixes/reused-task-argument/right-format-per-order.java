package workbook.reusedtaskargument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Right fix, another way than the reference: the text is an immutable String, made for its order alone.
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
            String mail = "Dear %s, your order %d has shipped.".formatted(order.customer(), order.number());
            mailPool.execute(() -> mailer.send(order.customer(), mail));
        }
    }
}
