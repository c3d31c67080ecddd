package workbook.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import workbook.harness.Evidence.Event;

/** Records what happened when, on which thread, for an {@link Evidence.Timeline}; safe to use from any thread. */
public final class TimelineRecorder {

    private final long origin;
    private final List<Event> events = new ArrayList<>();

    /** A timeline that counts from {@code originNanos} (a {@link System#nanoTime()} value). */
    public TimelineRecorder(long originNanos) {
        this.origin = originNanos;
    }

    /** Something happening now, on the current thread. */
    public void add(String what) {
        add(System.nanoTime(), what);
    }

    /** Something that happened at {@code nanos}, on the current thread. */
    public void add(long nanos, String what) {
        add(nanos, Thread.currentThread().getName(), what);
    }

    /** Something happening now, on behalf of {@code thread}. */
    public void add(String thread, String what) {
        add(System.nanoTime(), thread, what);
    }

    public synchronized void add(long nanos, String thread, String what) {
        events.add(new Event(TimeUnit.NANOSECONDS.toMillis(nanos - origin), thread, what));
    }

    public synchronized void clear() {
        events.clear();
    }

    /** In the order they happened: an event is stamped when it happened, which may be before it was added. */
    public synchronized List<Event> events() {
        return events.stream().sorted(Comparator.comparingLong(Event::atMillis)).toList();
    }
}
