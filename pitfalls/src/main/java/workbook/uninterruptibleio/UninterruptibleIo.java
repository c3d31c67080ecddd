package workbook.uninterruptibleio;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * Starts a real quote server on 127.0.0.1 and subscribes three widgets of the dashboard to it on the executor given,
 * one after another, each on a connection of its own: the ticker, the order book and the chart. The server sends the
 * trial's quotes ({@link FeedScript}), with a quiet spell and a quote split by a pause, each longer than a cancel may
 * take. Early in that pause, in the middle of a quote, the dashboard cancels the order book with
 * {@code future.cancel(true)}; later, while the feed is quiet, the ticker. The scenario looks at the ticker's thread and
 * connection {@link FeedSession#LOOK_AFTER} after its cancel; then the feed wakes up with one more quote, and the server ends it.
 *
 * <p>The pitfall: the ticker's thread still blocked in the socket read after the cancel, or a quote handed to a
 * cancelled widget. Otherwise each cancelled subscription must have stopped and closed its connection within
 * {@link #PROMPT}, with every quote sent before its cancel handed over whole and in order; and the chart, never
 * cancelled, must have got every quote through every pause and ended with the feed; all on the executor's threads,
 * one connection each. {@link FeedSession} plays a trial; this class sets it up and clears it away.
 */
public final class UninterruptibleIo implements Pitfall<QuoteFeed> {

    /** How soon the contract says a cancelled subscription stops and closes its connection. */
    static final Duration PROMPT = Duration.ofMillis(200);

    @Override
    public String id() {
        return "uninterruptible-io";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_CANCEL;
    }

    /**
     * The scenario ends what it started: the server ends the feed and closes every connection, which ends a read still
     * waiting on it, and the executor is shut down.
     */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<QuoteFeedClient> subject() {
        return QuoteFeedClient.class;
    }

    @Override
    public Finding run(Class<? extends QuoteFeed> implementation, Trial trial) throws Exception {
        FeedScript script = FeedScript.draw(new SplittableRandom(ThreadLocalRandom.current().nextLong()));
        FeedPool pool = new FeedPool();
        QuoteServer server = QuoteServer.start();
        try {
            QuoteFeed feed = Subjects.create(implementation, server.address(), pool);
            return new FeedSession(script, server, pool, trial).play(feed);
        } finally {
            // A held trial leaves the ticker blocked in its read, with its connection open, for jstack.
            if (!trial.held()) {
                server.close();
                pool.shutdownNow();
                pool.awaitTermination(FeedSession.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
