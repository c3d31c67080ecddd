package workbook.reusedtaskargument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.HeldPool;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Announces a batch of shipped orders, a different batch every trial (numbers, customers and their order drawn
 * anew), through a mail pool that starts the mails only after announce() has returned ({@link HeldPool}), as a busy
 * pool does. Each customer must get one mail, with their own order's text, sent on the mail pool; announce() must
 * return at once (a version that waits for its mails waits for good, and is caught by the time it kept its caller).
 */
public final class ReusedTaskArgument implements Pitfall<Notices> {

    static final List<String> CUSTOMERS = List.of("ann", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
            "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil");
    static final int ORDERS = 10;
    static final int MAIL_WORKERS = 3;
    static final Duration CALL_LIMIT = Duration.ofSeconds(1);
    static final Duration MAIL_LIMIT = Duration.ofSeconds(2);
    static final int MAILS_SHOWN = 3;

    @Override
    public String id() {
        return "reused-task-argument";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /** Both variants' threads end with the trial (the scenario shuts down the pool it gave). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ShippingNotices> subject() {
        return ShippingNotices.class;
    }

    @Override
    public Finding run(Class<? extends Notices> implementation, Trial trial) throws Exception {
        List<Order> orders = batch();
        Outbox outbox = new Outbox();
        HeldPool pool = new HeldPool("mail", MAIL_WORKERS);
        try (CallerThread caller = new CallerThread()) {
            Notices notices = Subjects.create(implementation, pool, outbox);
            String call = "announce(" + ORDERS + " orders)";
            CallerThread.Returned returned = caller.timed(call, CALL_LIMIT, () -> notices.announce(orders),
                    trial.lockNames());
            int handedBeforeReturn = pool.handed();
            pool.release();
            if (!returned.ok() && returned.problem().contains("did not return")) {
                return trial.notWorking(returned.problem() + ", with " + handedBeforeReturn + " of " + ORDERS
                        + " mails handed to the mail pool, which starts them once announce() has returned: it "
                        + "waited for its mails, and the contract says it returns at once",
                        returned.evidence().toArray(Evidence[]::new));
            }
            if (!returned.ok()) {
                return returned.notWorking(trial);
            }
            if (!outbox.awaitMails(ORDERS, MAIL_LIMIT)) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "only %d of %d mails were sent within %,d ms of announce() returning (%d tasks were handed "
                                + "to the mail pool)",
                        outbox.mails().size(), ORDERS, MAIL_LIMIT.toMillis(), pool.handed()),
                        new Evidence.Threads("The mail pool's workers",
                                ThreadViews.of(pool.workerIds(), trial.lockNames())));
            }
            pool.shutdown(MAIL_LIMIT);
            return judge(orders, outbox.mails(), returned.millis(), handedBeforeReturn, trial);
        } finally {
            pool.shutdown(MAIL_LIMIT);
        }
    }

    private static Finding judge(List<Order> orders, List<Outbox.Mail> mails, long announceMillis, int handed,
            Trial trial) {
        Map<String, Order> orderOf = new HashMap<>();
        orders.forEach(order -> orderOf.put(order.customer(), order));
        Map<String, Integer> mailsTo = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Outbox.Mail mail : mails) {
            if (!mail.thread().startsWith("mail-")) {
                return trial.notWorking("the mail to " + mail.to() + " was sent on " + mail.thread()
                        + ", not on the mail pool announce() was given");
            }
            Order order = orderOf.get(mail.to());
            if (order == null) {
                return trial.notWorking("a mail went to " + mail.to() + ", who has no order in the batch");
            }
            mailsTo.merge(mail.to(), 1, Integer::sum);
            if (!mail.text().equals(text(order))) {
                wrong.add(String.format(Locale.ROOT, "%s, whose order is %d, got \"%s\"", mail.to(), order.number(),
                        mail.text()));
            }
        }
        for (Order order : orders) {
            int sent = mailsTo.getOrDefault(order.customer(), 0);
            if (sent != 1) {
                return trial.notWorking(String.format(Locale.ROOT, "%s (order %d) got %d mails, not one",
                        order.customer(), order.number(), sent));
            }
        }
        if (!wrong.isEmpty()) {
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "%d of %d mails carried another order's text: %s", wrong.size(), ORDERS, wrong.get(0)),
                    new Count("mails with their own order's text", ORDERS, ORDERS - wrong.size()),
                    new Evidence.Note("The wrong mails" + (wrong.size() > MAILS_SHOWN
                            ? ", the first " + MAILS_SHOWN
                            : "") + ":\n" + String.join("\n", wrong.subList(0, Math.min(MAILS_SHOWN, wrong.size())))),
                    new Evidence.Note(String.format(Locale.ROOT,
                            "announce() returned after %,d ms, with %d mails handed to the mail pool; the pool "
                                    + "started them after that, when the mails' text was whatever it was by then.",
                            announceMillis, handed)));
        }
        return trial.clean(String.format(Locale.ROOT,
                "%d mails, each to its own customer with its own order's text, sent on the mail pool after "
                        + "announce() had returned (after %,d ms)",
                ORDERS, announceMillis), new Count("mails with their own order's text", ORDERS, ORDERS));
    }

    /** The text a customer must get about their order. */
    static String text(Order order) {
        return "Dear " + order.customer() + ", your order " + order.number() + " has shipped.";
    }

    /** Ten orders of ten different customers, numbers and order drawn anew. */
    private static List<Order> batch() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> customers = new ArrayList<>(CUSTOMERS);
        Collections.shuffle(customers, random);
        int number = random.nextInt(1_000, 90_000);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            number += random.nextInt(1, 7);
            orders.add(new Order(number, customers.get(i)));
        }
        return List.copyOf(orders);
    }
}
