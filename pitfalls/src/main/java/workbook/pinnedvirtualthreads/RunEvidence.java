package workbook.pinnedvirtualthreads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Event;
import workbook.harness.Evidence.Point;
import workbook.pinnedvirtualthreads.RunReport.Fetch;
import workbook.pinnedvirtualthreads.RunReport.Pin;
import workbook.pinnedvirtualthreads.RunReport.Request;

/**
 * What a run of the first requests shows, in the shapes a learner reads: the fetches in flight over time, the
 * timeline of the fetches, JFR's event with its stack, a stuck request's stack; and where in those stacks the code
 * under test and its static initialisers are.
 */
final class RunEvidence {

    static final String CLINIT = "<clinit>";
    static final String PARKED_ON_CARRIER = "java.lang.VirtualThread.parkOnCarrierThread";
    private static final String WAITED_FOR_INITIALISER = "Waited for initialization";

    private final RunReport report;
    private final String subject;

    RunEvidence(RunReport report, String subject) {
        this.report = report;
        this.subject = subject;
    }

    /** The most fetches in flight at the same moment; one that ends as another begins does not overlap it. */
    int mostInFlight() {
        List<long[]> moments = new ArrayList<>();
        for (Fetch fetch : report.fetches()) {
            moments.add(new long[]{fetch.startMillis(), 1});
            moments.add(new long[]{fetch.ended() ? fetch.endMillis() : Long.MAX_VALUE, -1});
        }
        moments.sort(Comparator.<long[]>comparingLong(m -> m[0]).thenComparingLong(m -> m[1]));
        int now = 0;
        int most = 0;
        for (long[] moment : moments) {
            now += (int) moment[1];
            most = Math.max(most, now);
        }
        return most;
    }

    /** The fetches in flight over time: the most at once in each slice of the run. */
    Evidence.Series plot() {
        long end = Math.max(report.elapsedMillis(),
                report.fetches().stream().mapToLong(Fetch::endMillis).max().orElse(0));
        long step = Math.max(10, (end / 12 + 9) / 10 * 10);
        List<Point> points = new ArrayList<>();
        for (long from = 0; from < end; from += step) {
            long to = from + step;
            long most = inFlightAt(from);
            for (Fetch fetch : report.fetches()) {
                if (fetch.startMillis() > from && fetch.startMillis() < to) {
                    most = Math.max(most, inFlightAt(fetch.startMillis()));
                }
            }
            points.add(new Point(from, most));
        }
        return new Evidence.Series(String.format(Locale.ROOT, "Fetches in flight, in %d ms slices from the moment"
                + " the requests were let go (the virtual threads have %d carrier threads)", step, report.carriers()),
                "ms", "most fetches in flight", points);
    }

    private long inFlightAt(long millis) {
        return report.fetches().stream()
                .filter(f -> f.startMillis() <= millis && (!f.ended() || f.endMillis() > millis)).count();
    }

    /** Each fetch's start and end, on its thread. */
    Evidence.Timeline timeline() {
        List<Event> events = new ArrayList<>();
        for (Fetch fetch : report.fetches()) {
            events.add(new Event(fetch.startMillis(), fetch.thread(), "fetch(\"" + fetch.table() + "\") begins"
                    + (fetch.initialiser() == null ? "" : ", inside " + simple(fetch.initialiser()) + ".<clinit>")
                    + (fetch.virtual() ? "" : " (a platform thread)")));
            if (fetch.ended()) {
                events.add(new Event(fetch.endMillis(), fetch.thread(), "fetch(\"" + fetch.table() + "\") returns"));
            }
        }
        events.sort(Comparator.comparingLong(Event::atMillis));
        return new Evidence.Timeline(String.format(Locale.ROOT, "The fetches, in ms from the moment the %d requests"
                + " were let go", report.requests().size()), events);
    }

    /** The threads the fetches ran on, each with its count when more than one: "table-loader (6)". */
    String fetchThreads() {
        Map<String, Long> threads = report.fetches().stream()
                .collect(Collectors.groupingBy(Fetch::thread, LinkedHashMap::new, Collectors.counting()));
        return threads.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + ")" : ""))
                .collect(Collectors.joining(", "));
    }

    /**
     * One event, with what {@code jfr print --events jdk.VirtualThreadPinned} shows of it: the blocking operation and
     * the reason where the JDK records them, the carrier, the duration, and the stack.
     */
    Evidence.Threads jfrEvent(Pin pin, int of) {
        List<String> fields = new ArrayList<>();
        if (pin.operation() != null) {
            fields.add("blockingOperation = \"" + pin.operation() + "\"");
        }
        if (pin.reason() != null) {
            fields.add("pinnedReason = \"" + pin.reason() + "\"");
        }
        String caption = String.format(Locale.ROOT, "JFR's jdk.VirtualThreadPinned event, the first of %d%s", of,
                fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")");
        String state = String.format(Locale.ROOT, "(virtual) pinned for %.1f ms%s", pin.millis(),
                pin.carrier() == null ? "" : " to its carrier \"" + pin.carrier() + "\"");
        return new Evidence.Threads(caption,
                List.of(new Evidence.ThreadView(pin.thread(), state, null, null, List.of(), shown(pin.stack()))));
    }

    /** A stuck request as a thread dump shows it. */
    Evidence.ThreadView view(Request request, String state) {
        return new Evidence.ThreadView(request.name(), state, null, null, List.of(), shown(request.stack()));
    }

    /** A stack from its blocking frame down to the code under test; the harness's frames below are left out. */
    private List<String> shown(List<String> stack) {
        List<String> frames = new ArrayList<>(stack);
        while (!frames.isEmpty() && frames.get(0).startsWith("java.lang.VirtualThread.postPinnedEvent")) {
            frames.remove(0);
        }
        int last = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (inSubject(frames.get(i))) {
                last = i;
            }
        }
        if (last >= 0) {
            return frames.subList(0, last + 1);
        }
        int harness = 0;
        while (harness < frames.size() && !frames.get(harness).startsWith(FirstRequests.class.getName())) {
            harness++;
        }
        return frames.subList(0, harness);
    }

    /**
     * The pins in the code under test of the virtual threads pinned there for {@code millis} or more in all: a thread
     * that blocks in many short waits is as pinned as one that blocks in one long wait. In the order they began.
     */
    List<Pin> pinnedInSubjectFor(long millis) {
        List<Pin> inSubject = report.pins().stream().filter(p -> frameIn(p.stack()).isPresent()).toList();
        Map<String, Double> pinnedFor = inSubject.stream()
                .collect(Collectors.groupingBy(Pin::thread, Collectors.summingDouble(Pin::millis)));
        return inSubject.stream().filter(p -> pinnedFor.get(p.thread()) >= millis)
                .sorted(Comparator.comparingLong(Pin::atMillis)).toList();
    }

    /** The class of the innermost frame of the code under test in a stack. */
    Optional<String> frameIn(List<String> stack) {
        return stack.stream().filter(this::inSubject).map(f -> f.substring(0, f.lastIndexOf('.', f.indexOf('('))))
                .findFirst();
    }

    private boolean inSubject(String frame) {
        return frame.startsWith(subject + ".") || frame.startsWith(subject + "$");
    }

    /** The class whose static initialiser the stack is in, innermost first. */
    static Optional<String> initialiserIn(List<String> stack) {
        return stack.stream().filter(f -> f.contains("." + CLINIT + "("))
                .map(f -> f.substring(0, f.indexOf("." + CLINIT + "("))).findFirst();
    }

    /** Pinned because it blocked inside a static initialiser, or waited for another thread's. */
    static boolean inInitialiser(Pin pin) {
        return (pin.reason() != null && pin.reason().contains(CLINIT)) || initialiserIn(pin.stack()).isPresent()
                || waitedForInitialiser(pin);
    }

    /** Pinned while it waited for another thread to initialise a class (JDK 24 and later say so). */
    static boolean waitedForInitialiser(Pin pin) {
        return pin.reason() != null && pin.reason().startsWith(WAITED_FOR_INITIALISER);
    }

    static boolean parkedOnCarrier(Request request) {
        return request.stack().stream().anyMatch(frame -> frame.startsWith(PARKED_ON_CARRIER));
    }

    /** "91 to 138 ms", or "91 ms" when they are all alike. */
    static String range(List<Pin> pins) {
        long low = Math.round(pins.stream().mapToDouble(Pin::millis).min().orElse(0));
        long high = Math.round(pins.stream().mapToDouble(Pin::millis).max().orElse(0));
        return low == high ? low + " ms" : low + " to " + high + " ms";
    }

    /** "ReferenceTables$Currencies" for "workbook.pinnedvirtualthreads.ReferenceTables$Currencies". */
    static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
