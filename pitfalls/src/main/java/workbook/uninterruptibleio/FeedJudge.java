package workbook.uninterruptibleio;

import static workbook.uninterruptibleio.UninterruptibleIo.PROMPT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Trial;
import workbook.uninterruptibleio.QuoteServer.Connection;
import workbook.uninterruptibleio.Widget.Delivery;

/**
 * What a trial of the quote feed found, by what happened to the widgets: the pitfall (a cancelled widget's reader
 * still in its read, or a quote handed to a cancelled widget), a subscription that did not do what the contract says,
 * or the proof that every one did.
 */
final class FeedJudge {

    private final Trial trial;
    /** In the order they subscribed, which is the order of their connections at the server. */
    private final List<Widget> widgets;
    private final FeedScript script;
    private final FeedLog log;
    private final Readers readers;
    private final FeedEvidence evidence;
    private final QuoteServer server;
    private final FeedPool pool;

    FeedJudge(Trial trial, List<Widget> widgets, FeedScript script, FeedLog log, Readers readers,
            FeedEvidence evidence, QuoteServer server, FeedPool pool) {
        this.trial = trial;
        this.widgets = List.copyOf(widgets);
        this.script = script;
        this.log = log;
        this.readers = readers;
        this.evidence = evidence;
        this.server = server;
        this.pool = pool;
    }

    /** A widget not cancelled whose subscription ended, or let go of its connection, while the feed went on. */
    Finding endedEarly() {
        for (Widget widget : widgets.stream().filter(w -> !w.cancelled()).toList()) {
            Connection connection = evidence.connection(widget);
            if (!widget.subscription().isDone() && !connection.closedByClient()) {
                continue;
            }
            long at = connection.closedByClient() ? connection.closedByClientAt() : System.nanoTime();
            String when = (connection.closedByClient() ? "at " : "by ") + String.format(Locale.ROOT, "%,d ms",
                    evidence.millis(at));
            Widget cancelled = widgets.stream().filter(w -> w.cancelled() && w.cancelledAt() <= at)
                    .max(Comparator.comparingLong(Widget::cancelledAt)).orElse(null);
            long lastSend = log.lastSentBefore(at);
            return trial.notWorking(String.format(Locale.ROOT, "the %s's subscription %s %s, though nobody"
                    + " cancelled it and the feed went on (%s). By then the feed had been quiet for %,d ms%s. A"
                    + " quiet feed has not ended, and a cancel ends only the subscription cancelled", widget.name(),
                    widget.subscription().isDone() ? "ended" : "closed its connection", when,
                    outcome(widget.subscription()), TimeUnit.NANOSECONDS.toMillis(at - lastSend),
                    cancelled == null
                            ? ""
                            : String.format(Locale.ROOT, ", and the %s's subscription had been cancelled %,d ms"
                                    + " before", cancelled.name(),
                                    TimeUnit.NANOSECONDS.toMillis(at - cancelled.cancelledAt()))),
                    evidence.timeline(widget));
        }
        return null;
    }

    /** The pitfall: the ticker's thread still in its read after the cancel, or quotes handed to a cancelled widget. */
    Finding reproduced(Widget widget, ThreadView stuck) {
        boolean inRead = stuck != null && Readers.inSocketRead(stuck);
        List<Delivery> late = widget.afterCancel();
        if (!inRead && late.isEmpty()) {
            return null;
        }
        Thread reader = readers.of(widget);
        Connection connection = evidence.connection(widget);
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "future.cancel(true) %s the %s's"
                + " subscription%s", widget.subscription().isCancelled() ? "said it cancelled" : "was called on",
                widget.name(), widget.cancelledMidQuote() ? " in the middle of a quote" : ""));
        if (inRead) {
            boolean open = !connection.closedByClient()
                    || connection.closedByClientAt() - widget.cancelledAt() > FeedSession.LOOK_AFTER.toNanos();
            summary.append(String.format(Locale.ROOT, ", yet %,d ms later %s was still blocked reading the socket"
                    + " (%s, in %s)%s%s", FeedSession.LOOK_AFTER.toMillis(), stuck.name(), stuck.state(),
                    Readers.where(stuck),
                    readers.onTheExecutor(reader)
                            ? ""
                            : ": a thread the subscription started, not the executor's, which the cancel's"
                                    + " interrupt never reaches",
                    open
                            ? (readers.onTheExecutor(reader) ? ", " : "; ")
                                    + "its connection to the quote server still open"
                            : ""));
        }
        if (!late.isEmpty()) {
            Delivery first = late.get(0);
            String who = first.thread() == reader
                    ? "it"
                    : first.thread().getName() + (first.thread().isVirtual() ? " (virtual)" : "");
            summary.append(inRead ? "; and when" : ", yet when").append(String.format(Locale.ROOT, " %s, %s"
                    + " handed \"%s\" to the cancelled %s, %,d ms after the cancel",
                    widget.cancelledMidQuote()
                            ? "the rest of the quote came"
                            : "the feed woke up",
                    who, first.quote(), widget.name(),
                    evidence.millis(first.atNanos()) - evidence.millis(widget.cancelledAt())));
            if (first.thread() != reader) {
                summary.append(": the reading had moved off the task's thread, ").append(reader.getName())
                        .append(", so the cancel never reached it");
            }
        }
        List<Evidence> proof = new ArrayList<>();
        proof.add(new Evidence.Count("quotes handed to the " + widget.name() + " after cancel(true)", 0,
                late.size()));
        if (stuck != null) {
            proof.add(new Evidence.Threads(String.format(Locale.ROOT, "%s, %,d ms after cancel(true), as jstack shows"
                    + " it", reader.getName(), FeedSession.LOOK_AFTER.toMillis()), List.of(stuck)));
        }
        proof.add(evidence.connectionNote(widget));
        proof.add(evidence.timeline(widget));
        return trial.reproduced(FailureKind.LOST_CANCEL, summary.toString(), proof.toArray(Evidence[]::new));
    }

    /** A cancelled widget stopped; did it stop and let go of its connection in time? */
    Finding stoppedInTime(Widget widget, long freedAt) {
        long stoppedAfter = evidence.millis(freedAt) - evidence.millis(widget.cancelledAt());
        String cancelledWhen = widget.cancelledMidQuote() ? "in the middle of a quote" : "while the feed was quiet";
        if (stoppedAfter > PROMPT.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT, "the %s's subscription, cancelled %s, stopped %,d ms"
                    + " after cancel(true) (%s was busy till then): the contract says within %,d ms, quiet feed"
                    + " or not", widget.name(), cancelledWhen, stoppedAfter, readers.of(widget).getName(),
                    PROMPT.toMillis()), evidence.timeline(widget));
        }
        Connection connection = evidence.connection(widget);
        long closedAfter = connection.closedByClient()
                ? evidence.millis(connection.closedByClientAt()) - evidence.millis(widget.cancelledAt())
                : -1;
        if (closedAfter < 0 || closedAfter > PROMPT.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT, "the %s's subscription, cancelled %s, stopped, but"
                    + " %s: the contract says a cancelled subscription closes its connection within %,d ms",
                    widget.name(), cancelledWhen, closedAfter < 0
                            ? "left its connection open"
                            : String.format(Locale.ROOT, "closed its connection only %,d ms after cancel(true)",
                                    closedAfter),
                    PROMPT.toMillis()), evidence.connectionNote(widget), evidence.timeline(widget));
        }
        return null;
    }

    /** Every quote handed over, whole and in order, on the executor's threads, over one connection a widget. */
    Finding workDone(Widget ticker, Widget book) {
        List<String> sent = log.quotes();
        for (Widget widget : widgets) {
            List<String> expected = widget.cancelled() ? widget.sentBeforeCancel() : sent;
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
                evidence.millis(readers.doneAt(ticker)) - evidence.millis(ticker.cancelledAt()),
                evidence.millis(readers.doneAt(book)) - evidence.millis(book.cancelledAt()), PROMPT.toMillis(),
                sent.size(), TimeUnit.NANOSECONDS.toMillis(log.longestPause())), evidence.timeline(ticker));
    }

    /** Quotes handed over on threads other than the executor's. */
    Finding offTheExecutor() {
        String elsewhere = widgets.stream().flatMap(w -> w.deliveries().stream()).map(Delivery::thread)
                .filter(t -> !readers.onTheExecutor(t))
                .map(t -> t.getName().isEmpty() ? "#" + t.threadId() : t.getName())
                .distinct().collect(Collectors.joining(", "));
        if (elsewhere.isEmpty()) {
            return null;
        }
        return trial.notWorking("quotes were handed over on " + elsewhere + ", not on the executor's threads ("
                + FeedPool.PREFIX + "1 to " + FeedPool.PREFIX + FeedPool.THREADS + "): the contract says the feed"
                + " is read on the executor given");
    }

    /** Where a widget's quotes first differ from those it should have got: lost, cut, doubled or out of order. */
    Finding wrongQuotes(Widget widget, List<String> expected) {
        List<String> got = widget.quotes();
        int i = 0;
        while (i < got.size() && i < expected.size() && got.get(i).equals(expected.get(i))) {
            i++;
        }
        if (i >= expected.size()) {
            return trial.notWorking(String.format(Locale.ROOT, "the %s got %s, more than the %s it should have got",
                    widget.name(), got, expected), evidence.timeline(widget));
        }
        if (i >= got.size()) {
            return trial.notWorking(String.format(Locale.ROOT, "the %s got %s, but not \"%s\" after them",
                    widget.name(), got, expected.get(i)), evidence.timeline(widget));
        }
        FeedScript.Send send = i < script.sends().size() ? script.sends().get(i) : null;
        String was = String.format(Locale.ROOT, "the %s got \"%s\" where the server sent \"%s\"", widget.name(),
                got.get(i), expected.get(i));
        if (send != null && send.split() && expected.get(i).endsWith(got.get(i))) {
            return trial.notWorking(String.format(Locale.ROOT, "%s, in two parts at least %,d ms apart: the part read"
                    + " before the pause, \"%s\", was lost", was, send.partPause().toMillis(),
                    send.quote().substring(0, send.splitAt())), evidence.timeline(widget));
        }
        return trial.notWorking(was + " (all it got: " + got + ")", evidence.timeline(widget));
    }

    /** How a subscription's task ended, or that it did not, for a message. */
    static String outcome(Future<?> task) {
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
