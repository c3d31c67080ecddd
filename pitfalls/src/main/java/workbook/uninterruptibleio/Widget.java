package workbook.uninterruptibleio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import workbook.harness.CancellationProbe;

/**
 * A widget of the dashboard, subscribed to the feed: the quotes handed to it (when, on which thread), its
 * subscription's future, and when it was cancelled. Every quote is a unit of work on its probe, so that a quote handed
 * over after the cancel shows as work after it.
 */
final class Widget implements Consumer<String> {

    record Delivery(String quote, long atNanos, Thread thread) {
    }

    private final String name;
    private final CancellationProbe probe;
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile Future<?> subscription;
    private volatile long cancelledAt;
    private volatile List<String> sentBeforeCancel = List.of();
    private volatile boolean cancelledMidQuote;

    Widget(String name, CancellationProbe probe) {
        this.name = name;
        this.probe = probe;
    }

    @Override
    public void accept(String quote) {
        synchronized (deliveries) {
            deliveries.add(new Delivery(quote, System.nanoTime(), Thread.currentThread()));
        }
        probe.work(name + " got \"" + quote + "\"");
    }

    String name() {
        return name;
    }

    CancellationProbe probe() {
        return probe;
    }

    Future<?> subscription() {
        return subscription;
    }

    void subscribed(Future<?> future) {
        subscription = future;
    }

    /** When the dashboard called cancel, as {@link System#nanoTime()}; 0 if it never did. */
    long cancelledAt() {
        return cancelledAt;
    }

    /** The dashboard cancels now; the quotes sent whole before are all the widget should get. */
    void cancelling(List<String> sentWhole, boolean midQuote) {
        sentBeforeCancel = List.copyOf(sentWhole);
        cancelledMidQuote = midQuote;
        cancelledAt = System.nanoTime();
    }

    /** The quotes sent whole before the cancel. */
    List<String> sentBeforeCancel() {
        return sentBeforeCancel;
    }

    /** Whether the cancel came while a quote was half sent, or while the feed was quiet between quotes. */
    boolean cancelledMidQuote() {
        return cancelledMidQuote;
    }

    boolean cancelled() {
        return cancelledAt != 0;
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    List<String> quotes() {
        return deliveries().stream().map(Delivery::quote).toList();
    }

    int count() {
        synchronized (deliveries) {
            return deliveries.size();
        }
    }

    /** The thread that handed over the last quote, or null before the first. */
    Thread reader() {
        synchronized (deliveries) {
            return deliveries.isEmpty() ? null : deliveries.get(deliveries.size() - 1).thread();
        }
    }

    /** The quotes handed over after the cancel; none if it was never cancelled. */
    List<Delivery> afterCancel() {
        long at = cancelledAt;
        return at == 0 ? List.of() : deliveries().stream().filter(d -> d.atNanos() > at).toList();
    }
}
