package workbook.reusedtaskargument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: a StringBuffer, whose methods are synchronized, instead of the StringBuilder. Each call on it is
// thread-safe; the buffer is still one object, rewritten for every order before its mail goes out.
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
        StringBuffer text = new StringBuffer();
        for (Order order : shipped) {
            text.setLength(0);
            text.append("Dear ").append(order.customer()).append(", your order ").append(order.number())
                    .append(" has shipped.");
            mailPool.execute(() -> mailer.send(order.customer(), text.toString()));
        }
    }
}
