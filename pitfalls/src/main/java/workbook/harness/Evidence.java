package workbook.harness;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;
import java.util.List;

/** Proof a learner can read: counts, threads with their stacks, a lock cycle, a timeline, a plot. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Evidence.Count.class, name = "count"),
        @JsonSubTypes.Type(value = Evidence.Note.class, name = "note"),
        @JsonSubTypes.Type(value = Evidence.Threads.class, name = "threads"),
        @JsonSubTypes.Type(value = Evidence.LockCycle.class, name = "lock-cycle"),
        @JsonSubTypes.Type(value = Evidence.Timeline.class, name = "timeline"),
        @JsonSubTypes.Type(value = Evidence.Series.class, name = "series")})
public sealed interface Evidence extends Serializable {

    /**
     * Something measured as something else grows, e.g. live threads after n calls, or a backlog over time; shown as a
     * small plot.
     *
     * @param limit a bound the values should stay within (a contract's, a resource's), drawn across the plot; null
     *        when there is none
     */
    record Series(String caption, String xLabel, String yLabel, List<Point> points, Limit limit) implements Evidence {
        public Series {
            points = List.copyOf(points);
        }

        /** A plot with no limit drawn across it. */
        public Series(String caption, String xLabel, String yLabel, List<Point> points) {
            this(caption, xLabel, yLabel, points, null);
        }
    }

    /** A bound drawn across a plot: its value, and what it is ("the API's limit"). */
    record Limit(long y, String label) implements Serializable {
    }

    record Point(long x, long y) implements Serializable {
    }

    /** Something counted against what was expected, e.g. 400,000 views recorded, 263,540 counted. */
    record Count(String label, long expected, long actual) implements Evidence {
        public long missing() {
            return expected - actual;
        }
    }

    /** A line of fact that fits no other shape. */
    record Note(String text) implements Evidence {
    }

    /** Threads as {@code jstack} would show them. */
    record Threads(String caption, List<ThreadView> threads) implements Evidence {
        public Threads {
            threads = List.copyOf(threads);
        }
    }

    /** A cycle of threads, each holding a lock the next one waits for. */
    record LockCycle(List<LockEdge> edges, List<ThreadView> threads) implements Evidence {
        public LockCycle {
            edges = List.copyOf(edges);
            threads = List.copyOf(threads);
        }
    }

    /** One thread in a lock cycle: what it holds, what it waits for, and who holds that. */
    record LockEdge(String thread, List<String> holds, String waitsFor, String heldBy) implements Serializable {
        public LockEdge {
            holds = List.copyOf(holds);
        }
    }

    /** What happened when, in milliseconds from the start of the trial. */
    record Timeline(String caption, List<Event> events) implements Evidence {
        public Timeline {
            events = List.copyOf(events);
        }
    }

    record Event(long atMillis, String thread, String what) implements Serializable {
    }

    /** A thread's name, state, what it waits on, and its top frames. */
    record ThreadView(String name, String state, String waitingOn, String ownedBy, List<String> holds,
            List<String> stack) implements Serializable {
        public ThreadView {
            holds = List.copyOf(holds);
            stack = List.copyOf(stack);
        }
    }
}
