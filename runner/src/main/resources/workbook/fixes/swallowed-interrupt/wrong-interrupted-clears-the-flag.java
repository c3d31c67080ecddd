package workbook.swallowedinterrupt;

import java.time.Duration;

// Wrong fix: Thread.interrupted() in the catch. It reads the flag, and clears it: the loop never sees it.
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
        while (!Thread.currentThread().isInterrupted()) {
            for (String message : inbox.fetchNew()) {
                inbox.markRead(message);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                if (Thread.interrupted()) {
                    System.err.println("poller interrupted");
                }
            }
        }
    }
}
