package workbook.swallowedinterrupt;

import java.time.Duration;

// Wrong fix: the polling moves to a thread of its own, so run() returns at once and the cancel interrupts a
// thread that is not polling.
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
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String message : inbox.fetchNew()) {
                    inbox.markRead(message);
                }
                try {
                    Thread.sleep(POLL_INTERVAL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "inbox-poller-loop");
        poller.setDaemon(true);
        poller.start();
    }
}
