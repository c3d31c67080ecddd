package workbook.uninterruptibleio;

import static workbook.uninterruptibleio.UninterruptibleIo.PROMPT;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workbook.harness.CancellationProbe;
import workbook.harness.Evidence;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.Finding;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.Waits;
import workbook.harness.WatchedCall;
import workbook.uninterruptibleio.QuoteServer.Connection;

/**
 * One trial of the quote feed: three widgets of the dashboard subscribe one after another, each on a connection of its
 * own (the ticker, the order book, the chart); the server sends the trial's quotes ({@link FeedScript}); the dashboard
 * cancels the order book in the middle of a quote and, later, the ticker while the feed is quiet; the scenario looks
 * at the ticker {@link #LOOK_AFTER} after its cancel; the feed wakes up with one more quote, and the server ends it.
 * Then the finding: the pitfall if a cancelled widget's reader was still in its read or handed it a quote, otherwise
 * whether each did what the contract says.
 */
final class FeedSession {

    /** When the scenario looks at the cancelled ticker: well past {@link UninterruptibleIo#PROMPT}. */
    static final Duration LOOK_AFTER = Duration.ofMillis(500);
    /** For subscribe and cancel to return, a connection to come, a quote to arrive, a subscription to end. */
    static final Duration PATIENCE = Duration.ofSeconds(1);
    /** After the chart got the wake-up quote, how long a ticker still reading gets to show it got it too. */
    static final Duration WAKE_UP_WATCH = Duration.ofMillis(200);
    /** How much later than the cancel's bound after the order book's cancel the rest of the split quote comes, at least. */
    static final Duration TAIL_MARGIN = Duration.ofMillis(100);

    private final long origin = System.nanoTime();
    private final FeedScript script;
    private final QuoteServer server;
    private final FeedPool pool;
    private final Trial trial;
    private final FeedLog log;
    private final Readers readers;
    private final FeedEvidence evidence;
    private final Widget ticker = new Widget("ticker", new CancellationProbe(origin));
    private final Widget book = new Widget("order book", new CancellationProbe(origin));
    private final Widget chart = new Widget("chart", new CancellationProbe(origin));
    /** In the order they subscribe, which is the order of their connections at the server. */
    private final List<Widget> widgets = List.of(ticker, book, chart);
    private final FeedJudge judge;

    FeedSession(FeedScript script, QuoteServer server, FeedPool pool, Trial trial) {
        this.script = script;
        this.server = server;
        this.pool = pool;
        this.trial = trial;
        this.log = new FeedLog(server, origin);
        this.readers = new Readers(pool, trial.lockNames());
        this.evidence = new FeedEvidence(origin, log, server, readers, widgets, trial.held());
        this.judge = new FeedJudge(trial, widgets, script, log, readers, evidence, server, pool);
    }

    Finding play(QuoteFeed feed) throws InterruptedException {
        Finding wrong = subscribe(feed);
        if (wrong == null) {
            wrong = sendQuotes();
        }
        if (wrong == null) {
            Thread.sleep(script.beforeCancel().toMillis());
            wrong = judge.endedEarly();
        }
        if (wrong == null) {
            wrong = cancel(ticker, false);
        }
        if (wrong != null) {
            return unlessReproduced(wrong);
        }
        Thread reader = readers.of(ticker);
        Connection tickers = evidence.connection(ticker);
        Waits.until(() -> readers.done(ticker) && tickers.closedByClient(), sinceCancel(ticker, LOOK_AFTER));
        ThreadView stuck = readers.done(ticker) ? null : readers.view(reader);
        long freedAt = readers.doneAt(ticker);
        wakeUp();
        Finding feedEnd = endFeed();
        Finding finding = judge.reproduced(ticker, stuck);
        if (finding == null) {
            finding = judge.reproduced(book, null);
        }
        if (finding == null && stuck != null) {
            finding = trial.notWorking(String.format(Locale.ROOT, "%,d ms after cancel(true) the ticker's thread,"
                    + " %s, was still busy, not reading the feed: the contract says a cancelled subscription stops"
                    + " within %,d ms", LOOK_AFTER.toMillis(), reader.getName(), PROMPT.toMillis()),
                    new Evidence.Threads(reader.getName() + " " + LOOK_AFTER.toMillis() + " ms after cancel(true)",
                            List.of(stuck)),
                    evidence.timeline(ticker));
        }
        if (finding == null) {
            finding = feedEnd;
        }
        if (finding == null) {
            finding = judge.offTheExecutor();
        }
        if (finding == null) {
            finding = judge.stoppedInTime(ticker, freedAt);
        }
        if (finding == null) {
            finding = judge.stoppedInTime(book, readers.doneAt(book));
        }
        return finding != null ? finding : judge.workDone(ticker, book);
    }

    /** Each widget subscribes once the one before it has its connection, so the server knows whose is whose. */
    private Finding subscribe(QuoteFeed feed) throws InterruptedException {
        for (Widget widget : widgets) {
            WatchedCall<Future<?>> call = new WatchedCall<Future<?>>("dashboard", () -> feed.subscribe(widget))
                    .start();
            if (!Waits.until(call::ended, PATIENCE)) {
                return trial.notWorking(String.format(Locale.ROOT, "subscribe(%s) did not return within %,d ms:"
                        + " the contract says it returns at once", widget.name(), PATIENCE.toMillis()),
                        threads("The dashboard, calling subscribe", call.thread()));
            }
            if (call.thrown() != null || call.result() == null) {
                return trial.notWorking("subscribe(" + widget.name() + ") "
                        + (call.thrown() == null ? "returned null" : "threw " + call.thrown()));
            }
            widget.subscribed(call.result());
            int connections = widgets.indexOf(widget) + 1;
            if (!Waits.until(() -> server.connections().size() >= connections, PATIENCE)) {
                return trial.notWorking(String.format(Locale.ROOT, "the %s's subscription did not connect to the"
                        + " quote server within %,d ms", widget.name(), PATIENCE.toMillis()));
            }
        }
        return null;
    }

    /** The trial's quotes, each handed to every widget not cancelled before the next pause. */
    private Finding sendQuotes() throws InterruptedException {
        for (FeedScript.Send send : script.sends()) {
            if (trial.outOfTime()) {
                return trial.inconclusive(String.format(Locale.ROOT, "the trial's budget of %,d ms ran out after %d of"
                        + " the %d quotes, before any cancel: the quotes took too long to reach the widgets",
                        trial.budget().toMillis(), log.quotes().size(), script.sends().size()));
            }
            Thread.sleep(send.before().toMillis());
            if (send.split()) {
                String head = send.quote().substring(0, send.splitAt());
                log.send(head, "sent \"" + head + "\", the start of a quote");
                long headAt = log.lastSentAt();
                Thread.sleep(script.beforeBookCancel().toMillis());
                Finding wrong = cancel(book, true);
                if (wrong != null) {
                    return wrong;
                }
                // The rest comes well after the time a cancel may take: a reader that stops only once its line is
                // whole must not pass for one that stopped in time.
                long tailAt = Math.max(headAt + send.partPause().toNanos(),
                        book.cancelledAt() + PROMPT.plus(TAIL_MARGIN).toNanos());
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(tailAt - System.nanoTime())));
                String tail = send.quote().substring(send.splitAt());
                log.send(tail + "\n", "sent \"" + tail + "\", the rest of it");
            } else {
                log.send(send.quote() + "\n", "sent \"" + send.quote() + "\"");
            }
            log.sentWhole(send.quote());
            Finding wrong = awaitDelivery(send);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    private List<Widget> live() {
        return widgets.stream().filter(w -> !w.cancelled()).toList();
    }

    /** Waits for every widget not cancelled to get the quotes sent so far, whole and in order. */
    private Finding awaitDelivery(FeedScript.Send send) throws InterruptedException {
        List<String> sent = log.quotes();
        int count = sent.size();
        Waits.until(() -> live().stream().allMatch(w -> w.count() >= count || w.subscription().isDone()),
                PATIENCE);
        Finding ended = judge.endedEarly();
        if (ended != null) {
            return ended;
        }
        for (Widget widget : live()) {
            List<String> got = widget.quotes();
            if (got.size() < count) {
                return trial.notWorking(String.format(Locale.ROOT, "the server sent \"%s\" at %,d ms, but the %s"
                        + " had not got it %,d ms later", send.quote(), evidence.millis(log.lastSentAt()),
                        widget.name(),
                        PATIENCE.toMillis()), evidence.timeline(widget));
            }
            if (!got.equals(sent)) {
                return judge.wrongQuotes(widget, sent);
            }
        }
        return null;
    }

    /**
     * A wrong finding made before the end, unless the order book, if cancelled, shows the pitfall: a quote handed to
     * it after its cancel, once the rest of the quote came.
     */
    private Finding unlessReproduced(Finding wrong) throws InterruptedException {
        if (!book.cancelled()) {
            return wrong;
        }
        Waits.until(() -> readers.done(book) || !book.afterCancel().isEmpty(), WAKE_UP_WATCH);
        Finding reproduced = judge.reproduced(book, null);
        return reproduced != null ? reproduced : wrong;
    }

    /**
     * Cancels the widget's subscription with cancel(true), from the dashboard, once its reader waits for the feed, as
     * it does between quotes: not while it hands a quote over, which a loaded machine could make it do late.
     */
    private Finding cancel(Widget widget, boolean midQuote) throws InterruptedException {
        Thread reader = readers.of(widget);
        Waits.until(() -> Readers.waiting(reader), PATIENCE);
        CancellationProbe probe = widget.probe();
        WatchedCall<Boolean> call = new WatchedCall<>("dashboard", () -> {
            widget.cancelling(log.quotes(), midQuote);
            // Marked before the call: its interrupt may end the read before cancel(true) has returned.
            probe.cancelled("future.cancel(true) called: it interrupts " + reader.getName());
            boolean cancelled = widget.subscription().cancel(true);
            probe.note("future.cancel(true) returned " + cancelled + "; isCancelled() = "
                    + widget.subscription().isCancelled());
            return cancelled;
        }).start();
        if (!Waits.until(call::ended, PATIENCE)) {
            return trial.notWorking(String.format(Locale.ROOT, "future.cancel(true) on the %s's subscription did"
                    + " not return within %,d ms", widget.name(), PATIENCE.toMillis()),
                    threads("The dashboard, calling cancel", call.thread()));
        }
        if (call.thrown() != null) {
            return trial.notWorking("future.cancel(true) on the " + widget.name() + "'s subscription threw "
                    + call.thrown(),
                    new Evidence.Threads("What cancel threw",
                            List.of(ThreadViews.thrown("dashboard", call.thrown()))));
        }
        return null;
    }

    /**
     * The feed wakes up with one more quote, after the look at the cancelled ticker; not in a held trial, which leaves
     * the feed quiet, so that a ticker blocked in its read stays there.
     */
    private void wakeUp() throws InterruptedException {
        if (trial.held()) {
            return;
        }
        log.send(script.wakeUp() + "\n", "sent \"" + script.wakeUp() + "\": the feed wakes up");
        log.sentWhole(script.wakeUp());
        Waits.until(() -> chart.count() >= log.quotes().size(), PATIENCE);
        if (!readers.done(ticker)) {
            Waits.until(() -> !ticker.afterCancel().isEmpty(), WAKE_UP_WATCH);
        }
    }

    /**
     * The server ends the feed on every connection (a held trial leaves the ticker's open): the chart's subscription
     * must end by itself, and close its connection.
     */
    private Finding endFeed() throws InterruptedException {
        Finding ended = judge.endedEarly();
        List<Connection> connections = server.connections();
        for (Connection connection : connections) {
            if (connection != evidence.connection(ticker) || !trial.held()) {
                server.end(connection);
            }
        }
        log.note(trial.held()
                ? "ended the feed, but not on the ticker's connection (--hold)"
                : "ended the feed: the end of the stream on every connection");
        if (ended != null) {
            return ended;
        }
        try {
            chart.subscription().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return trial.notWorking(String.format(Locale.ROOT, "the server ended the feed, but the chart's"
                    + " subscription had not ended %,d ms later: the contract says it ends with the feed",
                    PATIENCE.toMillis()));
        } catch (ExecutionException | CancellationException e) {
            return trial.notWorking("when the server ended the feed, the chart's subscription ended, but "
                    + FeedJudge.outcome(chart.subscription()) + ": the contract says it ends with the feed");
        }
        if (!Waits.until(evidence.connection(chart)::closedByClient, PATIENCE)) {
            return trial.notWorking("the chart's subscription ended with the feed, but left its connection open");
        }
        if (!trial.held()) {
            Waits.until(() -> connections.stream().allMatch(Connection::closedByClient) && pool.idle(), PATIENCE);
        }
        return null;
    }

    /** What is left of {@code after} since the widget's cancel. */
    private Duration sinceCancel(Widget widget, Duration after) {
        return Duration.ofNanos(Math.max(0, after.toNanos() - (System.nanoTime() - widget.cancelledAt())));
    }

    private Evidence.Threads threads(String caption, Thread thread) {
        return new Evidence.Threads(caption, List.of(readers.view(thread)));
    }
}
