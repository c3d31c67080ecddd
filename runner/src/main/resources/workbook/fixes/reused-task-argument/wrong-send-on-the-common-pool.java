package workbook.reusedtaskargument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: each mail gets a String of its own, but goes out on the common pool instead of the mail pool
// announce() was given (whose threads the mail provider's connection limits are set for).
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
        for (Order order : shipped) {
            String mail = "Dear " + order.customer() + ", your order " + order.number() + " has shipped.";
            CompletableFuture.runAsync(() -> mailer.send(order.customer(), mail));
        }
    }
}
