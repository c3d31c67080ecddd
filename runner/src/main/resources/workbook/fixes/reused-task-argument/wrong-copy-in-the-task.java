package workbook.reusedtaskargument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: the task copies the builder before it sends. The copy is made when the task runs, and by then the
// builder holds a later order's text.
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
            mailPool.execute(() -> {
                String mail;
                synchronized (text) {
                    mail = new StringBuilder(text).toString();
                }
                mailer.send(order.customer(), mail);
            });
        }
    }
}
