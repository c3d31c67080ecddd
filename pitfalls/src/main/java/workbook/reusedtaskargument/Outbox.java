package workbook.reusedtaskargument;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import workbook.harness.Delays;
import workbook.harness.Waits;

/** The scenario's mail gateway: each mail takes a millisecond or two, and is kept with the thread that sent it. */
final class Outbox implements Mailer {

    record Mail(String thread, String to, String text) {
    }

    private final Queue<Mail> mails = new ConcurrentLinkedQueue<>();

    @Override
    public void send(String to, String text) {
        try {
            Thread.sleep(Delays.between(Duration.ofMillis(1), Duration.ofMillis(3)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the mail to " + to + " was interrupted", e);
        }
        mails.add(new Mail(Thread.currentThread().getName(), to, text));
    }

    /** Waits until {@code count} mails have been sent, at most {@code patience}; whether they were. */
    boolean awaitMails(int count, Duration patience) throws InterruptedException {
        return Waits.until(() -> mails.size() >= count, patience);
    }

    List<Mail> mails() {
        return List.copyOf(mails);
    }
}
