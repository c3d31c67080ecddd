package workbook.uninterruptibleio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import workbook.harness.Evidence;
import workbook.uninterruptibleio.QuoteServer.Connection;
import workbook.uninterruptibleio.Widget.Delivery;

/**
 * What a widget's subscription shows a learner: its timeline (what the server sent, what the widget got, its cancel,
 * its connection and its task), and what became of its connection after the cancel, the resource a blocked read holds.
 */
final class FeedEvidence {

    private final long origin;
    private final FeedLog log;
    private final QuoteServer server;
    private final Readers readers;
    /** In the order they subscribed, which is the order of their connections at the server. */
    private final List<Widget> widgets;
    private final boolean held;

    FeedEvidence(long origin, FeedLog log, QuoteServer server, Readers readers, List<Widget> widgets, boolean held) {
        this.origin = origin;
        this.log = log;
        this.server = server;
        this.readers = readers;
        this.widgets = List.copyOf(widgets);
        this.held = held;
    }

    /** The widget's connection, as the server sees it. */
    Connection connection(Widget widget) {
        return server.connections().get(widgets.indexOf(widget));
    }

    /** Milliseconds since the scenario started. */
    long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - origin);
    }

    /** Events of the same millisecond keep the order in which they are added here, which is that of cause and effect. */
    Evidence.Timeline timeline(Widget widget) {
        List<Evidence.Event> all = new ArrayList<>(log.events());
        all.addAll(widget.probe().timeline("").events());
        int index = widgets.indexOf(widget);
        if (index < server.connections().size()) {
            Connection connection = server.connections().get(index);
            all.add(event(connection.acceptedAt(), QuoteServer.NAME,
                    "accepted the " + widget.name() + "'s connection, from " + connection.client()));
            if (connection.closedByClient()) {
                all.add(event(connection.closedByClientAt(), QuoteServer.NAME,
                        "the " + widget.name() + " closed its connection"));
            }
        }
        if (widget.reader() != null) {
            String reader = readers.of(widget).getName();
            readers.tasksEnded(widget).forEach(at -> all.add(
                    event(at, reader, "the " + widget.name() + "'s task ended: " + reader + " is back in the pool")));
        }
        all.sort(Comparator.comparingLong(Evidence.Event::atMillis));
        return new Evidence.Timeline("The " + widget.name() + "'s subscription, in ms since the scenario started", all);
    }

    /** Who held on to a cancelled widget's connection, and how long. */
    Evidence.Note connectionNote(Widget widget) {
        Connection connection = connection(widget);
        String which = "The " + widget.name() + "'s connection (" + connection.client() + " to the quote server at "
                + server.address().getAddress().getHostAddress() + ":" + server.address().getPort() + ")";
        long closed = connection.closedByClientAt();
        if (closed == 0) {
            return new Evidence.Note(which + (held
                    ? " is still open: the " + widget.name() + " never let go of it, and --hold keeps it so."
                    : " was never closed by the " + widget.name() + "."));
        }
        long afterCancel = millis(closed) - millis(widget.cancelledAt());
        if (afterCancel <= UninterruptibleIo.PROMPT.toMillis()) {
            return new Evidence.Note(which + String.format(Locale.ROOT, " was closed %,d ms after the cancel.",
                    afterCancel));
        }
        List<Delivery> late = widget.afterCancel();
        String when = connection.endedAt() != 0 && connection.endedAt() < closed
                ? "only once the server had ended the feed"
                : !late.isEmpty() && late.get(0).atNanos() <= closed
                        ? "only once its read had returned with the next quote"
                        : "not at the cancel";
        return new Evidence.Note(which + String.format(Locale.ROOT, " stayed open for %,d ms after the cancel: the %s"
                + " let go of it at %,d ms, %s.", afterCancel, widget.name(), millis(closed), when));
    }

    private Evidence.Event event(long nanos, String thread, String what) {
        return new Evidence.Event(millis(nanos), thread, what);
    }
}
