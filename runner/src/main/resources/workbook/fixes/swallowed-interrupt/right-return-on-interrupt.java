package workbook.swallowedinterrupt;

import java.time.Duration;

// Right fix, another way than the reference: an interrupt means stop, so return from the catch.
// expect: FIXED

/** Polls the inbox until its task is cancelled. */
public class InboxPoller implements Runnable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Inbox inbox;

    public InboxPoller(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            for (String message : inbox.fetchNew()) {
                inbox.markRead(message);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                return; // cancelled: the task ends here
            }
        }
    }
}
