package workbook.uninterruptibleio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import workbook.harness.CancellationProbe;
import workbook.harness.Evidence;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.TimelineRecorder;
import workbook.harness.Trial;
import workbook.harness.Waits;
import workbook.harness.WatchedCall;
import workbook.uninterruptibleio.QuoteServer.Connection;
import workbook.uninterruptibleio.Widget.Delivery;

/**
 * Starts a real quote server on 127.0.0.1 and subscribes three widgets of the dashboard to it on the executor given,
 * one after another, each on a connection of its own: the ticker, the order book and the chart. The server sends the
 * trial's quotes ({@link FeedScript}), with a quiet spell and a quote split by a pause, each longer than a cancel may
 * take. Early in that pause, in the middle of a quote, the dashboard cancels the order book with
 * {@code future.cancel(true)}; later, while the feed is quiet, the ticker. The scenario looks at the ticker's thread and
 * connection {@link #LOOK_AFTER} after its cancel; then the feed wakes up with one more quote, and the server ends it.
 *
 * <p>The pitfall: the ticker's thread still blocked in the socket read after the cancel, or a quote handed to a
 * cancelled widget. Otherwise each cancelled subscription must have stopped and closed its connection within
 * {@link #PROMPT}, with every quote sent before its cancel handed over whole and in order; and the chart, never
 * cancelled, must have got every quote through every pause and ended with the feed; all on the executor's threads,
 * one connection each.
 */
public final class UninterruptibleIo implements Pitfall<QuoteFeed> {

    /** How soon the contract says a cancelled subscription stops and closes its connection. */
    static final Duration PROMPT = Duration.ofMillis(200);
    /** When the scenario looks at the cancelled ticker: well past {@link #PROMPT}. */
    static final Duration LOOK_AFTER = Duration.ofMillis(500);
    /** For subscribe and cancel to return, a connection to come, a quote to arrive, a subscription to end. */
    static final Duration PATIENCE = Duration.ofSeconds(1);
    /** After the chart got the wake-up quote, how long a ticker still reading gets to show it got it too. */
    static final Duration WAKE_UP_WATCH = Duration.ofMillis(200);
    /** A socket read's stack is deep (a reader, a decoder, the socket): enough frames to see who made it. */
    static final int FRAMES = 24;
    /** Frames of a thread blocked reading a socket, through a stream or a channel (JDK 21 to 25). */
    static final List<String> SOCKET_READS = List.of("java.net.Socket$SocketInputStream.read(",
            "sun.nio.ch.NioSocketImpl.read(", "sun.nio.ch.SocketChannelImpl.read(", "java.net.SocketInputStream.read(");

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
            return new Session(script, server, pool, trial).play(feed);
        } finally {
            // A held trial leaves the ticker blocked in its read, with its connection open, for jstack.
            if (!trial.held()) {
                server.close();
                pool.shutdownNow();
                pool.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    static boolean socketRead(String frame) {
        return SOCKET_READS.stream().anyMatch(frame::startsWith);
    }

    /** One trial's feed, widgets and findings. */
    private static final class Session {

        private final long origin = System.nanoTime();
        private final FeedScript script;
        private final QuoteServer server;
        private final FeedPool pool;
        private final Trial trial;
        private final TimelineRecorder sends = new TimelineRecorder(origin);
        private final Widget ticker = new Widget("ticker", new CancellationProbe(origin));
        private final Widget book = new Widget("order book", new CancellationProbe(origin));
        private final Widget chart = new Widget("chart", new CancellationProbe(origin));
        /** In the order they subscribe, which is the order of their connections at the server. */
        private final List<Widget> widgets = List.of(ticker, book, chart);
        private final List<String> sent = new ArrayList<>();
        /** The quotes sent whole before the order book's cancel. */
        private List<String> sentBeforeBookCancel = List.of();
        private long lastSentAt;
        private final List<Long> sendTimes = new ArrayList<>();
        /** The longest time the server sent nothing, between two quotes or two parts of one. */
        private long longestPause;

        Session(FeedScript script, QuoteServer server, FeedPool pool, Trial trial) {
            this.script = script;
            this.server = server;
            this.pool = pool;
            this.trial = trial;
        }

        Finding play(QuoteFeed feed) throws InterruptedException {
            Finding wrong = subscribe(feed);
            if (wrong == null) {
                wrong = sendQuotes();
            }
            if (wrong == null) {
                Thread.sleep(script.beforeCancel().toMillis());
                wrong = endedEarly();
            }
            if (wrong == null) {
                wrong = cancel(ticker);
            }
            if (wrong != null) {
                return unlessReproduced(wrong);
            }
            Thread reader = reader(ticker);
            Connection tickers = connection(ticker);
            Waits.until(() -> stopped(ticker) && tickers.closedByClient(), sinceCancel(ticker, LOOK_AFTER));
            ThreadView stuck = stopped(ticker) ? null : view(reader);
            long freedAt = freedAt(ticker);
            wakeUp();
            Finding ended = endFeed();
            Finding reproduced = reproduced(ticker, stuck);
            if (reproduced == null) {
                reproduced = reproduced(book, null);
            }
            if (reproduced != null) {
                return reproduced;
            }
            if (stuck != null) {
                return trial.notWorking(String.format(Locale.ROOT, "%,d ms after cancel(true) the ticker's thread, %s,"
                        + " was still busy, not reading the feed: the contract says a cancelled subscription stops"
                        + " within %,d ms", LOOK_AFTER.toMillis(), reader.getName(), PROMPT.toMillis()),
                        new Evidence.Threads(reader.getName() + " " + LOOK_AFTER.toMillis() + " ms after cancel(true)",
                                List.of(stuck)),
                        timeline(ticker));
            }
            if (ended == null) {
                ended = offTheExecutor();
            }
            if (ended == null) {
                ended = stoppedInTime(ticker, freedAt);
            }
            if (ended == null) {
                ended = stoppedInTime(book, freedAt(book));
            }
            return ended != null ? ended : workDone();
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
                Thread.sleep(send.before().toMillis());
                if (send.split()) {
                    String head = send.quote().substring(0, send.splitAt());
                    send(head, "sent \"" + head + "\", the start of a quote");
                    Thread.sleep(script.beforeBookCancel().toMillis());
                    sentBeforeBookCancel = List.copyOf(sent);
                    Finding wrong = cancel(book);
                    if (wrong != null) {
                        return wrong;
                    }
                    Thread.sleep(Math.max(0, send.partPause().minus(script.beforeBookCancel()).toMillis()));
                    String tail = send.quote().substring(send.splitAt());
                    send(tail + "\n", "sent \"" + tail + "\", the rest of it");
                } else {
                    send(send.quote() + "\n", "sent \"" + send.quote() + "\"");
                }
                sent.add(send.quote());
                Finding wrong = awaitDelivery(send);
                if (wrong != null) {
                    return wrong;
                }
            }
            return null;
        }

        private void send(String text, String what) {
            long now = System.nanoTime();
            longestPause = lastSentAt == 0 ? 0 : Math.max(longestPause, now - lastSentAt);
            lastSentAt = now;
            sendTimes.add(now);
            sends.add(lastSentAt, QuoteServer.NAME, what);
            server.send(text);
        }

        private List<Widget> live() {
            return widgets.stream().filter(w -> !w.cancelled()).toList();
        }

        private Finding awaitDelivery(FeedScript.Send send) throws InterruptedException {
            int count = sent.size();
            Waits.until(() -> live().stream().allMatch(w -> w.count() >= count || w.subscription().isDone()),
                    PATIENCE);
            Finding ended = endedEarly();
            if (ended != null) {
                return ended;
            }
            for (Widget widget : live()) {
                List<String> got = widget.quotes();
                if (got.size() < count) {
                    return trial.notWorking(String.format(Locale.ROOT, "the server sent \"%s\" at %,d ms, but the %s"
                            + " had not got it %,d ms later", send.quote(), millis(lastSentAt), widget.name(),
                            PATIENCE.toMillis()), timeline(widget));
                }
                if (!got.equals(sent)) {
                    return wrongQuotes(widget, sent);
                }
            }
            return null;
        }

        /** A widget not cancelled whose subscription ended, or let go of its connection, while the feed went on. */
        private Finding endedEarly() {
            for (Widget widget : live()) {
                Connection connection = connection(widget);
                if (!widget.subscription().isDone() && !connection.closedByClient()) {
                    continue;
                }
                long at = connection.closedByClient() ? connection.closedByClientAt() : System.nanoTime();
                String when = (connection.closedByClient() ? "at " : "by ") + String.format(Locale.ROOT, "%,d ms",
                        millis(at));
                Widget cancelled = widgets.stream().filter(w -> w.cancelled() && w.cancelledAt() <= at)
                        .max(Comparator.comparingLong(Widget::cancelledAt)).orElse(null);
                long lastSend = sendTimes.stream().filter(t -> t <= at).mapToLong(Long::longValue).max().orElse(at);
                return trial.notWorking(String.format(Locale.ROOT, "the %s's subscription ended %s, though nobody"
                        + " cancelled it and the feed went on: %s. By then the feed had been quiet for %,d ms%s. A"
                        + " quiet feed has not ended, and a cancel ends only the subscription cancelled", widget.name(),
                        when, outcome(widget.subscription()), TimeUnit.NANOSECONDS.toMillis(at - lastSend),
                        cancelled == null
                                ? ""
                                : String.format(Locale.ROOT, ", and the %s's subscription had been cancelled %,d ms"
                                        + " before", cancelled.name(),
                                        TimeUnit.NANOSECONDS.toMillis(at - cancelled.cancelledAt()))),
                        timeline(widget));
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
            Waits.until(() -> stopped(book) || !book.afterCancel().isEmpty(), WAKE_UP_WATCH);
            Finding reproduced = reproduced(book, null);
            return reproduced != null ? reproduced : wrong;
        }

        /** Cancels the widget's subscription with cancel(true), from the dashboard. */
        private Finding cancel(Widget widget) throws InterruptedException {
            Thread reader = reader(widget);
            CancellationProbe probe = widget.probe();
            WatchedCall<Boolean> call = new WatchedCall<>("dashboard", () -> {
                widget.cancelling();
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
            send(script.wakeUp() + "\n", "sent \"" + script.wakeUp() + "\": the feed wakes up");
            sent.add(script.wakeUp());
            Waits.until(() -> chart.count() >= sent.size(), PATIENCE);
            if (!stopped(ticker)) {
                Waits.until(() -> !ticker.afterCancel().isEmpty(), WAKE_UP_WATCH);
            }
        }

        /**
         * The server ends the feed on every connection (a held trial leaves the ticker's open): the chart's subscription
         * must end by itself, and close its connection.
         */
        private Finding endFeed() throws InterruptedException {
            Finding ended = endedEarly();
            List<Connection> connections = server.connections();
            for (Connection connection : connections) {
                if (connection != connection(ticker) || !trial.held()) {
                    server.end(connection);
                }
            }
            sends.add(QuoteServer.NAME, trial.held()
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
                        + outcome(chart.subscription()) + ": the contract says it ends with the feed");
            }
            if (!Waits.until(connection(chart)::closedByClient, PATIENCE)) {
                return trial.notWorking("the chart's subscription ended with the feed, but left its connection open");
            }
            if (!trial.held()) {
                Waits.until(() -> connections.stream().allMatch(Connection::closedByClient) && pool.idle(), PATIENCE);
            }
            return null;
        }

        /** The pitfall: the ticker's thread still in its read after the cancel, or quotes handed to a cancelled widget. */
        private Finding reproduced(Widget widget, ThreadView stuck) {
            boolean inRead = stuck != null && stuck.stack().stream().anyMatch(UninterruptibleIo::socketRead);
            List<Delivery> late = widget.afterCancel();
            if (!inRead && late.isEmpty()) {
                return null;
            }
            Thread reader = reader(widget);
            Connection connection = connection(widget);
            StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "future.cancel(true) %s the %s's"
                    + " subscription%s", widget.subscription().isCancelled() ? "said it cancelled" : "was called on",
                    widget.name(), widget == book ? " in the middle of a quote" : ""));
            if (inRead) {
                boolean open = !connection.closedByClient()
                        || connection.closedByClientAt() - widget.cancelledAt() > LOOK_AFTER.toNanos();
                summary.append(String.format(Locale.ROOT, ", yet %,d ms later %s was still blocked reading the socket"
                        + " (%s, in %s)%s%s", LOOK_AFTER.toMillis(), stuck.name(), stuck.state(), where(stuck),
                        pool.owns(reader)
                                ? ""
                                : ": a thread the subscription started, not the executor's, which the cancel's"
                                        + " interrupt never reaches",
                        open
                                ? (pool.owns(reader) ? ", " : "; ") + "its connection to the quote server still open"
                                : ""));
            }
            if (!late.isEmpty()) {
                Delivery first = late.get(0);
                String who = first.thread() == reader
                        ? "it"
                        : first.thread().getName() + (first.thread().isVirtual() ? " (virtual)" : "");
                summary.append(inRead ? "; and when" : ", yet when").append(String.format(Locale.ROOT, " %s, %s"
                        + " handed \"%s\" to the cancelled %s, %,d ms after the cancel",
                        widget == book
                                ? "the rest of the quote came"
                                : "the feed woke up",
                        who, first.quote(), widget.name(), millis(first.atNanos()) - millis(widget.cancelledAt())));
                if (first.thread() != reader) {
                    summary.append(": the reading had moved off the task's thread, ").append(reader.getName())
                            .append(", so the cancel never reached it");
                }
            }
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence.Count("quotes handed to the " + widget.name() + " after cancel(true)", 0,
                    late.size()));
            if (stuck != null) {
                evidence.add(new Evidence.Threads(String.format(Locale.ROOT, "%s, %,d ms after cancel(true), as"
                        + " jstack shows it", reader.getName(), LOOK_AFTER.toMillis()), List.of(stuck)));
            }
            evidence.add(new Evidence.Note(connectionNote(widget)));
            evidence.add(timeline(widget));
            return trial.reproduced(FailureKind.LOST_CANCEL, summary.toString(), evidence.toArray(Evidence[]::new));
        }

        /** Who held on to a cancelled widget's connection, and how long: the resource a blocked read keeps. */
        private String connectionNote(Widget widget) {
            Connection connection = connection(widget);
            String which = "The " + widget.name() + "'s connection (" + connection.client() + " to the quote server at "
                    + server.address().getAddress().getHostAddress() + ":" + server.address().getPort() + ")";
            long closed = connection.closedByClientAt();
            if (closed == 0) {
                return which + (trial.held()
                        ? " is still open: the " + widget.name() + " never let go of it, and --hold keeps it so."
                        : " was never closed by the " + widget.name() + ".");
            }
            long afterCancel = millis(closed) - millis(widget.cancelledAt());
            if (afterCancel <= PROMPT.toMillis()) {
                return which + String.format(Locale.ROOT, " was closed %,d ms after the cancel.", afterCancel);
            }
            List<Delivery> late = widget.afterCancel();
            String when = connection.endedAt() != 0 && connection.endedAt() < closed
                    ? "only once the server had ended the feed"
                    : !late.isEmpty() && late.get(0).atNanos() <= closed
                            ? "only once its read had returned with the next quote"
                            : "not at the cancel";
            return which + String.format(Locale.ROOT, " stayed open for %,d ms after the cancel: the %s let go of it"
                    + " at %,d ms, %s.", afterCancel, widget.name(), millis(closed), when);
        }

        /** A cancelled widget stopped; did it stop and let go of its connection in time? */
        private Finding stoppedInTime(Widget widget, long freedAt) {
            long stoppedAfter = millis(freedAt) - millis(widget.cancelledAt());
            String cancelledWhen = widget == book ? "in the middle of a quote" : "while the feed was quiet";
            if (stoppedAfter > PROMPT.toMillis()) {
                return trial.notWorking(String.format(Locale.ROOT, "the %s's subscription, cancelled %s, stopped %,d ms"
                        + " after cancel(true) (%s was busy till then): the contract says within %,d ms, quiet feed"
                        + " or not", widget.name(), cancelledWhen, stoppedAfter, reader(widget).getName(),
                        PROMPT.toMillis()), timeline(widget));
            }
            Connection connection = connection(widget);
            long closedAfter = connection.closedByClient()
                    ? millis(connection.closedByClientAt()) - millis(widget.cancelledAt())
                    : -1;
            if (closedAfter < 0 || closedAfter > PROMPT.toMillis()) {
                return trial.notWorking(String.format(Locale.ROOT, "the %s's subscription, cancelled %s, stopped, but"
                        + " %s: the contract says a cancelled subscription closes its connection within %,d ms",
                        widget.name(), cancelledWhen, closedAfter < 0
                                ? "left its connection open"
                                : String.format(Locale.ROOT, "closed its connection only %,d ms after cancel(true)",
                                        closedAfter),
                        PROMPT.toMillis()), new Evidence.Note(connectionNote(widget)), timeline(widget));
            }
            return null;
        }

        /** Every quote handed over, whole and in order, on the executor's threads, over one connection a widget. */
        private Finding workDone() {
            List<String> beforeTickerCancel = trial.held() ? sent : sent.subList(0, sent.size() - 1);
            for (Widget widget : widgets) {
                List<String> expected = widget == ticker
                        ? beforeTickerCancel
                        : widget == book ? sentBeforeBookCancel : sent;
                if (!widget.quotes().equals(expected)) {
                    return wrongQuotes(widget, expected);
                }
            }
            if (server.connections().size() != widgets.size()) {
                return trial.notWorking(String.format(Locale.ROOT, "%d subscriptions made %d connections to the quote"
                        + " server: the contract says one each, for as long as the subscription lasts",
                        widgets.size(), server.connections().size()));
            }
            if (pool.isShutdown()) {
                return trial.notWorking("the executor was shut down: the contract says it stays running, as others"
                        + " use it");
            }
            return trial.clean(String.format(Locale.ROOT, "the ticker's subscription, cancelled while the feed was"
                    + " quiet, stopped %,d ms after cancel(true), and the order book's, cancelled in the middle of a"
                    + " quote, %,d ms after (the contract allows %,d), each with its connection closed and every quote"
                    + " sent before its cancel handed over; the chart, never cancelled, got all %d quotes, whole and in"
                    + " order, through pauses of up to %,d ms, and ended with the feed",
                    millis(freedAt(ticker)) - millis(ticker.cancelledAt()),
                    millis(freedAt(book)) - millis(book.cancelledAt()), PROMPT.toMillis(), sent.size(),
                    TimeUnit.NANOSECONDS.toMillis(longestPause)), timeline(ticker));
        }

        /** Quotes handed over on threads other than the executor's. */
        private Finding offTheExecutor() {
            String elsewhere = widgets.stream().flatMap(w -> w.deliveries().stream()).map(Delivery::thread)
                    .filter(t -> !pool.owns(t)).map(t -> t.getName().isEmpty() ? "#" + t.threadId() : t.getName())
                    .distinct().collect(Collectors.joining(", "));
            if (elsewhere.isEmpty()) {
                return null;
            }
            return trial.notWorking("quotes were handed over on " + elsewhere + ", not on the executor's threads ("
                    + FeedPool.PREFIX + "1 to " + FeedPool.PREFIX + FeedPool.THREADS + "): the contract says the feed"
                    + " is read on the executor given");
        }

        /** Where a widget's quotes first differ from those it should have got: lost, cut, doubled or out of order. */
        private Finding wrongQuotes(Widget widget, List<String> expected) {
            List<String> got = widget.quotes();
            int i = 0;
            while (i < got.size() && i < expected.size() && got.get(i).equals(expected.get(i))) {
                i++;
            }
            if (i >= expected.size()) {
                return trial.notWorking(String.format(Locale.ROOT, "the %s got %s, more than the %s it should have got",
                        widget.name(), got, expected), timeline(widget));
            }
            if (i >= got.size()) {
                return trial.notWorking(String.format(Locale.ROOT, "the %s got %s, but not \"%s\" after them",
                        widget.name(), got, expected.get(i)), timeline(widget));
            }
            FeedScript.Send send = i < script.sends().size() ? script.sends().get(i) : null;
            String was = String.format(Locale.ROOT, "the %s got \"%s\" where the server sent \"%s\"", widget.name(),
                    got.get(i), expected.get(i));
            if (send != null && send.split() && expected.get(i).endsWith(got.get(i))) {
                return trial.notWorking(String.format(Locale.ROOT, "%s, in two parts %,d ms apart: the part read before"
                        + " the pause, \"%s\", was lost", was, send.partPause().toMillis(),
                        send.quote().substring(0, send.splitAt())), timeline(widget));
            }
            return trial.notWorking(was + " (all it got: " + got + ")", timeline(widget));
        }

        /** The thread that read the widget's quotes: it handed over the last one before the cancel. */
        private Thread reader(Widget widget) {
            List<Delivery> before = widget.deliveries().stream()
                    .filter(d -> !widget.cancelled() || d.atNanos() <= widget.cancelledAt()).toList();
            return before.isEmpty() ? widget.reader() : before.get(before.size() - 1).thread();
        }

        /** Whether a cancelled widget's reader is done: its task over (a thread of the pool), or the thread ended. */
        private boolean stopped(Widget widget) {
            return freedAt(widget) != 0;
        }

        /** When a cancelled widget's reader was done, or 0 while it is not; the present moment for a thread that ended. */
        private long freedAt(Widget widget) {
            Thread reader = reader(widget);
            if (pool.owns(reader)) {
                return pool.freedAfter(reader, widget.cancelledAt());
            }
            return reader.isAlive() ? 0 : System.nanoTime();
        }

        private Connection connection(Widget widget) {
            return server.connections().get(widgets.indexOf(widget));
        }

        /** What is left of {@code after} since the widget's cancel. */
        private Duration sinceCancel(Widget widget, Duration after) {
            return Duration.ofNanos(Math.max(0, after.toNanos() - (System.nanoTime() - widget.cancelledAt())));
        }

        private ThreadView view(Thread thread) {
            List<ThreadView> views = ThreadViews.of(List.of(thread.threadId()), trial.lockNames(), FRAMES);
            return views.isEmpty()
                    ? new ThreadView(thread.getName(), "TERMINATED", null, null, List.of(), List.of())
                    : views.get(0);
        }

        private Evidence.Threads threads(String caption, Thread thread) {
            return new Evidence.Threads(caption, List.of(view(thread)));
        }

        /**
         * A widget's story: what the server sent, what the widget got, its cancel, its connection and its task. Events of
         * the same millisecond keep that order, which is the order of cause and effect.
         */
        private Evidence.Timeline timeline(Widget widget) {
            List<Evidence.Event> all = new ArrayList<>(sends.events());
            all.addAll(widget.probe().timeline("").events());
            List<Connection> connections = server.connections();
            int index = widgets.indexOf(widget);
            if (index < connections.size()) {
                Connection connection = connections.get(index);
                all.add(event(connection.acceptedAt(), QuoteServer.NAME,
                        "accepted the " + widget.name() + "'s connection, from " + connection.client()));
                if (connection.closedByClient()) {
                    all.add(event(connection.closedByClientAt(), QuoteServer.NAME,
                            "the " + widget.name() + " closed its connection"));
                }
            }
            Thread reader = widget.reader() == null ? null : reader(widget);
            if (reader != null && pool.owns(reader)) {
                pool.endedOn(reader).forEach(at -> all.add(event(at, reader.getName(),
                        "the " + widget.name() + "'s task ended: " + reader.getName() + " is back in the pool")));
            }
            all.sort(Comparator.comparingLong(Evidence.Event::atMillis));
            return new Evidence.Timeline("The " + widget.name() + "'s subscription, in ms since the scenario started",
                    all);
        }

        private Evidence.Event event(long nanos, String thread, String what) {
            return new Evidence.Event(millis(nanos), thread, what);
        }

        private long millis(long nanos) {
            return TimeUnit.NANOSECONDS.toMillis(nanos - origin);
        }

        private static String outcome(Future<?> task) {
            if (!task.isDone()) {
                return "its task still running";
            }
            try {
                task.get();
                return "its task returned";
            } catch (ExecutionException e) {
                return "its task threw " + e.getCause();
            } catch (CancellationException | InterruptedException e) {
                return "its task cancelled";
            }
        }
    }

    /**
     * Where a thread blocked in a socket read waits, without file and line: the native read of a platform thread
     * ({@code sun.nio.ch.SocketDispatcher.read0}), or where a virtual one parked ({@code sun.nio.ch.NioSocketImpl.park}).
     */
    private static String where(ThreadView thread) {
        String frame = thread.stack().stream().filter(f -> f.startsWith("sun.nio.ch.") || f.startsWith("java.net."))
                .findFirst().orElse(thread.stack().get(0));
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }
}
