package workbook.swallowedinterrupt;

import java.time.Duration;

// Wrong fix: the interrupt is restored, but the loop never looks at it: every later sleep throws at once, and
// the poller polls flat out instead of stopping.
// expect: STILL BROKEN

/** Polls the inbox until its task is cancelled. */
public class InboxPoller implements Runnable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Inbox inbox;

    public InboxPoller(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void run() {
        while (true) {
            for (String message : inbox.fetchNew()) {
                inbox.markRead(message);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
