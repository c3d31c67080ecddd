package workbook.swallowedinterrupt;

import java.time.Duration;

// Wrong fix: a running flag of its own. Nobody sets it on cancel(true); the interrupt is still swallowed.
// expect: STILL BROKEN

/** Polls the inbox until its task is cancelled. */
public class InboxPoller implements Runnable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Inbox inbox;

    public InboxPoller(Inbox inbox) {
        this.inbox = inbox;
    }

    private volatile boolean running = true;

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            for (String message : inbox.fetchNew()) {
                inbox.markRead(message);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                // stop() is how this poller is stopped
            }
        }
    }
}
