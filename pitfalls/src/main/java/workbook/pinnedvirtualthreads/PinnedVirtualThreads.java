package workbook.pinnedvirtualthreads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import workbook.harness.ChildJvm;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.Evidence.Point;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Trial;
import workbook.pinnedvirtualthreads.RunReport.Fetch;
import workbook.pinnedvirtualthreads.RunReport.Pin;
import workbook.pinnedvirtualthreads.RunReport.Request;

/**
 * Runs a service's first requests ({@link FirstRequests}) in a JVM of its own whose virtual threads have
 * {@value #CARRIERS} carrier threads, as on a small container: 12 requests, each on a virtual thread, ask for the 6
 * reference tables at once, two for each table, in an order drawn anew. Each table's fetch is a remote call of 80 to
 * 150 ms (drawn anew), which the data service answers for all at once: together, the tables take about the slowest
 * fetch. JFR records every virtual thread that blocks while pinned to its carrier ({@code jdk.VirtualThreadPinned}).
 *
 * <p>Pinned is the pitfall: a virtual thread that blocked in the code under test without letting go of its carrier for
 * 20 ms or more in all (JFR's events), or requests stuck for good, parked on their carrier. With {@value #CARRIERS}
 * carriers the six fetches then run {@value #CARRIERS} at a time. A fix must have every fetch in flight at once, no
 * such pin, each table fetched once (not before a request asks for it), every request answered with the service's
 * table, and no thread left to keep the JVM alive.
 */
public final class PinnedVirtualThreads implements Pitfall<ReferenceData> {

    static final int CARRIERS = 2;
    static final int ASKS_PER_TABLE = 2;
    static final Duration FASTEST_FETCH = Duration.ofMillis(80);
    static final Duration SLOWEST_FETCH = Duration.ofMillis(150);
    /** A pin this long is a virtual thread blocked on its carrier; it is JFR's own threshold for the event. */
    static final Duration LONG_PIN = Duration.ofMillis(20);
    /** How long the requests may take: the six fetches one after another, and room for a busy machine. */
    static final Duration PATIENCE = Duration.ofMillis(1_500);
    /** Later than this past the slowest fetch, the requests waited for something else than their fetches. */
    static final Duration LATE = Duration.ofMillis(150);
    static final Duration CHILD_DEADLINE = Duration.ofSeconds(5);
    static final Duration LEAST_DEADLINE = Duration.ofMillis(2_500);
    private static final String SCHEDULER_MAX_PROPERTY = "jdk.virtualThreadScheduler.maxPoolSize";
    private static final String CLINIT = "<clinit>";
    private static final String PARKED_ON_CARRIER = "java.lang.VirtualThread.parkOnCarrierThread";

    @Override
    public String id() {
        return "pinned-virtual-threads";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.HANG;
    }

    /** The requests run in a JVM of their own, which the scenario ends: nothing is left in the trial's. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ReferenceTables> subject() {
        return ReferenceTables.class;
    }

    @Override
    public Finding run(Class<? extends ReferenceData> implementation, Trial trial) {
        Duration deadline = trial.remaining().minusMillis(300);
        deadline = deadline.compareTo(CHILD_DEADLINE) > 0 ? CHILD_DEADLINE : deadline;
        if (deadline.compareTo(LEAST_DEADLINE) < 0) {
            return trial.inconclusive("only " + trial.remaining().toMillis() + " ms of the budget were left: too"
                    + " little to start the service's JVM and run its requests");
        }
        Map<String, Duration> latencies = new LinkedHashMap<>();
        DataService.TABLES.forEach(table -> latencies.put(table, Delays.between(FASTEST_FETCH, SLOWEST_FETCH)));
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < ASKS_PER_TABLE; i++) {
            asked.addAll(DataService.TABLES);
        }
        Collections.shuffle(asked, ThreadLocalRandom.current());
        String revision = "r" + ThreadLocalRandom.current().nextInt(1_000, 10_000);
        ChildJvm.Result child = ChildJvm.run(FirstRequests.class,
                Map.of(FirstRequests.CARRIERS_PROPERTY, Integer.toString(CARRIERS), SCHEDULER_MAX_PROPERTY,
                        Integer.toString(CARRIERS)),
                List.of(implementation.getName(), revision, Long.toString(PATIENCE.toMillis()),
                        latencies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toMillis())
                                .collect(Collectors.joining(",")),
                        String.join(",", asked)),
                deadline);
        RunReport report = RunReport.parse(child.output());
        if (report == null) {
            return noReport(child, deadline, trial);
        }
        if (report.recorderStartMillis() < 0) {
            return trial.inconclusive("JFR could not record in the service's JVM, so whether a virtual thread was"
                    + " pinned cannot be seen: " + tail(child.output()));
        }
        return new Judgement(report, latencies, revision, implementation, child, trial).verdict();
    }

    /** The service's JVM ended, or was ended, before its requests were over. */
    private static Finding noReport(ChildJvm.Result child, Duration deadline, Trial trial) {
        if (!child.exited()) {
            List<Evidence> evidence = new ArrayList<>();
            if (!child.stuck().isEmpty()) {
                evidence.add(new Evidence.Threads("Where the service's threads were, shortly before the deadline",
                        child.stuck()));
            }
            return trial.notWorking("the service's first requests were not over within " + deadline.toMillis()
                    + " ms: the reference data could not even be made and asked", evidence.toArray(Evidence[]::new));
        }
        return trial.notWorking("the service's JVM ended with exit code " + child.exitCode()
                + " before its first requests were over",
                new Evidence.Note("Its last lines:\n" + tail(child.output())));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().filter(line -> !line.startsWith(RunReport.PREFIX)).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    /** What one run of the first requests shows. */
    private static final class Judgement {

        private final RunReport report;
        private final String revision;
        private final String subject;
        private final ChildJvm.Result child;
        private final Trial trial;
        private final int tables;
        private final long slowest;
        private final long fastest;

        Judgement(RunReport report, Map<String, Duration> latencies, String revision, Class<?> implementation,
                ChildJvm.Result child, Trial trial) {
            this.report = report;
            this.revision = revision;
            this.subject = implementation.getName();
            this.child = child;
            this.trial = trial;
            this.tables = latencies.size();
            this.slowest = latencies.values().stream().mapToLong(Duration::toMillis).max().orElse(0);
            this.fastest = latencies.values().stream().mapToLong(Duration::toMillis).min().orElse(0);
        }

        Finding verdict() {
            List<Request> stuck = report.requests().stream().filter(r -> !r.done()).toList();
            if (!stuck.isEmpty()) {
                return stuck(stuck);
            }
            List<Pin> pins = longPinsInSubject();
            if (!pins.isEmpty()) {
                return pinned(pins);
            }
            Optional<Request> wrong = report.requests().stream().filter(r -> !r.outcome().equals(Request.OK))
                    .findFirst();
            if (wrong.isPresent()) {
                return trial.notWorking(String.format(Locale.ROOT, "%s called table(\"%s\"), which %s; the data"
                        + " service's table is %s", wrong.get().name(), wrong.get().table(), wrong.get().outcome(),
                        ScriptedDataService.content(wrong.get().table(), revision)));
            }
            Map<String, Long> fetched = report.fetches().stream()
                    .collect(Collectors.groupingBy(Fetch::table, LinkedHashMap::new, Collectors.counting()));
            Optional<Map.Entry<String, Long>> twice = fetched.entrySet().stream().filter(e -> e.getValue() > 1)
                    .findFirst();
            if (twice.isPresent()) {
                return trial.notWorking(String.format(Locale.ROOT, "the table \"%s\" was fetched %d times for the %d"
                        + " requests that asked for it; the contract says each table is fetched once, and requests"
                        + " that come while it is fetched wait for that fetch", twice.get().getKey(),
                        twice.get().getValue(), ASKS_PER_TABLE), timeline());
            }
            Optional<Fetch> early = report.fetches().stream().filter(f -> f.startMillis() < 0).findFirst();
            if (early.isPresent()) {
                return trial.notWorking(String.format(Locale.ROOT, "\"%s\" was fetched %d ms before any request"
                        + " asked for a table, on %s; the contract says each table is fetched on its first use",
                        early.get().table(), -early.get().startMillis(), early.get().thread()));
            }
            int most = mostInFlight();
            List<Fetch> inInitialisers = report.fetches().stream().filter(f -> f.virtual() && f.initialiser() != null)
                    .toList();
            if (!inInitialisers.isEmpty() && most == tables) {
                return trial.inconclusive(String.format(Locale.ROOT, "the fetches ran inside static initialisers"
                        + " (%s.<clinit>, ...) on virtual threads, and still all %d were in flight at once, with no"
                        + " jdk.VirtualThreadPinned event: this JDK (%d) lets a virtual thread that blocks in a class"
                        + " initialiser unmount, so the pitfall cannot show on it",
                        simple(inInitialisers.get(0)
                                .initialiser()),
                        tables, Runtime.version().feature()),
                        plot(), timeline());
            }
            if (most < tables) {
                return trial.notWorking(String.format(Locale.ROOT, "nothing was pinned (JFR recorded no virtual thread"
                        + " pinned for %d ms or more), but never more than"
                        + " %d of the %d fetches were in flight at once (on %s): the requests took turns and had their"
                        + " tables after %,d ms, where the slowest fetch takes %d ms. The contract says tables asked"
                        + " for together are fetched together", LONG_PIN.toMillis(), most, tables, fetchThreads(),
                        report.elapsedMillis(),
                        slowest), new Count("most fetches in flight at once", tables, most), plot(), timeline());
            }
            if (report.elapsedMillis() > slowest + Math.max(LATE.toMillis(), slowest)) {
                return trial.notWorking(String.format(Locale.ROOT, "all %d fetches were in flight at once, but the"
                        + " requests had their tables only after %,d ms, where the slowest fetch takes %d ms: they"
                        + " waited for something else than their fetches", tables, report.elapsedMillis(), slowest),
                        timeline());
            }
            if (!child.exited()) {
                List<Evidence> evidence = new ArrayList<>(List.of(timeline()));
                if (!child.lingering().isEmpty()) {
                    evidence.add(new Evidence.Threads("What kept the service's JVM alive", child.lingering()));
                }
                return trial.notWorking("every request had its table in time, but threads the reference data"
                        + " started kept the service's JVM alive after its work was done: a fix must not leave"
                        + " threads running", evidence.toArray(Evidence[]::new));
            }
            return trial.clean(String.format(Locale.ROOT, "%d requests on virtual threads asked for the %d tables at"
                    + " once, with %d carrier threads: all %d fetches were in flight together, and every request"
                    + " had its table after %,d ms, where the slowest fetch takes %d ms; each table was fetched"
                    + " once, and every request got the service's table. JFR recorded no virtual thread blocked"
                    + " while pinned in %s for %d ms or more (jdk.VirtualThreadPinned), and the service's"
                    + " health check, a virtual thread that ticks every %d ms, went at most %d ms without a tick",
                    report.requests().size(), tables, report.carriers(), tables, report.elapsedMillis(), slowest,
                    simple(subject), LONG_PIN.toMillis(), HealthCheck.EVERY.toMillis(), report.healthGapMillis()),
                    new Count("most fetches in flight at once", tables, most), plot());
        }

        /** Requests that never had their table: stuck for good, pinned or not. */
        private Finding stuck(List<Request> stuck) {
            List<Request> pinnedNow = stuck.stream().filter(Judgement::parkedOnCarrier).toList();
            List<Request> inside = stuck.stream().filter(r -> !parkedOnCarrier(r) && frameIn(r.stack()).isPresent())
                    .toList();
            List<Request> neverRan = stuck.stream().filter(r -> frameIn(r.stack()).isEmpty()).toList();
            List<Evidence.ThreadView> views = new ArrayList<>();
            pinnedNow.stream().limit(2).forEach(r -> views.add(view(r, "WAITING, parked on its carrier (pinned)")));
            inside.stream().limit(1).forEach(r -> views.add(view(r, r.state())));
            neverRan.stream().limit(1).forEach(r -> views.add(view(r, r.state() + ", let go but not run since: no"
                    + " carrier was free")));
            List<String> where = new ArrayList<>();
            if (!pinnedNow.isEmpty()) {
                where.add(String.format(Locale.ROOT, "%d parked on their carrier thread, pinned (%s)",
                        pinnedNow.size(), initialiserOf(pinnedNow.get(0)).map(c -> "inside " + simple(c) + ".<clinit>")
                                .orElse("in " + simple(subject))));
            }
            if (!inside.isEmpty()) {
                where.add(String.format(Locale.ROOT, "%d waiting inside %s", inside.size(), simple(subject)));
            }
            if (!neverRan.isEmpty()) {
                where.add(String.format(Locale.ROOT, "%d not run at all since they were let go", neverRan.size()));
            }
            String fetches = report.fetches().isEmpty()
                    ? "no fetch had even begun"
                    : String.format(Locale.ROOT, "%d of the %d fetches had returned",
                            report.fetches().stream().filter(Fetch::ended).count(), tables);
            String caption = String.format(Locale.ROOT, "Stuck requests, %,d ms after they were let go (%d of %d"
                    + " shown)", report.elapsedMillis(), views.size(), stuck.size());
            List<Evidence> evidence = new ArrayList<>(List.of(new Evidence.Threads(caption, views)));
            if (!report.fetches().isEmpty()) {
                evidence.add(timeline());
            }
            String head = String.format(Locale.ROOT, "%d of the %d requests never had their table: after %,d ms"
                    + " they still waited, %s (%s). Of them: %s", stuck.size(), report.requests().size(),
                    report.elapsedMillis(), stillness(), fetches, String.join(", ", where));
            if (pinnedNow.isEmpty()) {
                return trial.notWorking(head + String.format(Locale.ROOT, " (the fetches take %d to %d ms)",
                        fastest, slowest), evidence.toArray(Evidence[]::new));
            }
            evidence.add(jdkCase(initialiserOf(pinnedNow.get(0)).isPresent()));
            return trial.reproduced(FailureKind.HANG, head + String.format(Locale.ROOT, ". With its %d carriers held"
                    + " by pinned virtual threads, the JVM has no carrier left for the virtual threads that would end"
                    + " their waits: the service hangs. (JFR writes a jdk.VirtualThreadPinned event when a pinned wait"
                    + " ends; these never end.)", report.carriers()), evidence.toArray(Evidence[]::new));
        }

        private static boolean parkedOnCarrier(Request request) {
            return request.stack().stream().anyMatch(frame -> frame.startsWith(PARKED_ON_CARRIER));
        }

        private Evidence.ThreadView view(Request request, String state) {
            return new Evidence.ThreadView(request.name(), state, null, null, List.of(), shown(request.stack()));
        }

        /** What the requests' wait looked like when the service stopped waiting for them. */
        private String stillness() {
            return report.elapsedMillis() < PATIENCE.toMillis()
                    ? String.format(Locale.ROOT, "and nothing had happened for %d ms", FirstRequests.QUIET.toMillis())
                    : "fetching or not";
        }

        /** Virtual threads that blocked while pinned, in the code under test: the stall. */
        private Finding pinned(List<Pin> pins) {
            int most = mostInFlight();
            Pin first = pins.stream().filter(p -> inInitialiser(p) && !waitedForInitialiser(p)).findFirst()
                    .orElse(pins.get(0));
            boolean initialisers = inInitialiser(first);
            List<Pin> blocked = pins.stream().filter(p -> !waitedForInitialiser(p)).toList();
            long waited = pins.size() - blocked.size();
            long classes = blocked.stream().map(p -> initialiserOf(p).orElse("")).distinct().count();
            String where = initialisers
                    ? String.format(Locale.ROOT, "inside a static initialiser (%s.<clinit>%s)",
                            simple(initialiserOf(first).orElse(subject)), classes > 1
                                    ? String.format(Locale.ROOT, " and %d others", classes - 1)
                                    : "")
                    : "in " + simple(frameIn(first.stack()).orElse(subject)) + (first.reason() == null
                            ? ""
                            : " (" + first.reason() + ")");
            String stall = most <= report.carriers() && tables > report.carriers()
                    ? String.format(Locale.ROOT, "together they should have taken about %d ms, and took %,d ms:"
                            + " never more than %d fetches were in flight, one per carrier thread,", slowest,
                            report.elapsedMillis(), most)
                    : String.format(Locale.ROOT, "up to %d of them were in flight at once and the requests had"
                            + " their tables after %,d ms, but", most, report.elapsedMillis());
            String summary = String.format(Locale.ROOT, "%d requests on virtual threads asked for the %d tables at"
                    + " once, each table a fetch of %d to %d ms; %s because the virtual threads blocked %s, where a"
                    + " virtual thread cannot unmount: it stays pinned to its carrier until the fetch returns. JFR"
                    + " recorded %d jdk.VirtualThreadPinned event%s there (%s)%s",
                    report.requests().size(), tables, fastest, slowest, stall, where, blocked.size(),
                    blocked.size() == 1 ? "" : "s", range(blocked),
                    waited == 0
                            ? ""
                            : String.format(Locale.ROOT, ", and %d more for requests that waited, pinned too, for"
                                    + " another thread's static initialiser", waited));
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Count("most fetches in flight at once", tables, most));
            evidence.add(plot());
            evidence.add(timeline());
            evidence.add(jfrEvent(first, blocked.size()));
            evidence.add(health());
            evidence.add(jdkCase(initialisers));
            return trial.reproduced(FailureKind.HANG, summary, evidence.toArray(Evidence[]::new));
        }

        private Evidence.Note health() {
            long gap = report.healthGapMillis();
            long every = HealthCheck.EVERY.toMillis();
            return new Evidence.Note(String.format(Locale.ROOT, "Meanwhile the service's health check, a virtual"
                    + " thread that ticks every %d ms, went %d ms without a tick%s", every, gap,
                    gap > 3 * every
                            ? ": while every carrier was pinned, no other virtual thread of the JVM could run."
                            : "."));
        }

        /** Which of the JDK's pinning cases this is, and why this JDK still has it. */
        private Evidence.Note jdkCase(boolean initialisers) {
            int feature = Runtime.version().feature();
            if (initialisers) {
                return new Evidence.Note(feature >= 24
                        ? String.format(Locale.ROOT, "This JDK is %d. Since JDK 24 (JEP 491) a virtual thread that"
                                + " blocks inside synchronized lets go of its carrier like any other, so that case"
                                + " of pinning is gone; a virtual thread that blocks inside a class initialiser (or"
                                + " under a native frame) still cannot, because the JVM runs <clinit> from a frame of"
                                + " its own that cannot be unmounted. That is the case here.", feature)
                        : String.format(Locale.ROOT, "This JDK is %d. On JDK 21 to 23 two cases pin: blocking"
                                + " inside synchronized (JEP 491 freed it in JDK 24) and blocking inside a class"
                                + " initialiser, because the JVM runs <clinit> from a frame of its own that cannot"
                                + " be unmounted. The case here is the second, which JDK 24 and later still have.",
                                feature));
            }
            return new Evidence.Note(feature >= 24
                    ? String.format(Locale.ROOT, "This JDK is %d: since JDK 24 (JEP 491) blocking inside"
                            + " synchronized no longer pins; what still pins is blocking inside a class initialiser"
                            + " or under a native frame, and JFR's pinnedReason says which.", feature)
                    : String.format(Locale.ROOT, "This JDK is %d: on JDK 21 to 23 a virtual thread that blocks"
                            + " while it holds a monitor (inside synchronized) stays pinned; JEP 491 freed it in JDK"
                            + " 24. Blocking inside a class initialiser pins on every JDK so far.", feature));
        }

        /**
         * One event, with what {@code jfr print --events jdk.VirtualThreadPinned} shows of it: the blocking operation
         * and the reason where the JDK records them, the carrier, the duration, and the stack.
         */
        private Evidence.Threads jfrEvent(Pin pin, int of) {
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

        /** A stack from its blocking frame down to the code under test; the harness's frames below are left out. */
        private List<String> shown(List<String> stack) {
            List<String> frames = new ArrayList<>(stack);
            while (!frames.isEmpty() && frames.get(0).startsWith("java.lang.VirtualThread.postPinnedEvent")) {
                frames.remove(0);
            }
            int last = -1;
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i).startsWith(subject + ".") || frames.get(i).startsWith(subject + "$")) {
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
         * The pins in the code under test of the virtual threads pinned there for {@link #LONG_PIN} or more in all: a
         * thread that blocks in many short waits is as pinned as one that blocks in one long wait.
         */
        private List<Pin> longPinsInSubject() {
            List<Pin> inSubject = report.pins().stream().filter(p -> frameIn(p.stack()).isPresent()).toList();
            Map<String, Double> pinnedFor = inSubject.stream()
                    .collect(Collectors.groupingBy(Pin::thread, Collectors.summingDouble(Pin::millis)));
            return inSubject.stream().filter(p -> pinnedFor.get(p.thread()) >= LONG_PIN.toMillis())
                    .sorted(Comparator.comparingLong(Pin::atMillis)).toList();
        }

        /** The innermost frame of the code under test in a stack, as its class's name. */
        private Optional<String> frameIn(List<String> stack) {
            return stack.stream().filter(f -> f.startsWith(subject + ".") || f.startsWith(subject + "$"))
                    .map(f -> f.substring(0, f.lastIndexOf('.', f.indexOf('(')))).findFirst();
        }

        private boolean inInitialiser(Pin pin) {
            return (pin.reason() != null && pin.reason().contains(CLINIT))
                    || pin.stack().stream().anyMatch(f -> f.contains("." + CLINIT + "("))
                    || waitedForInitialiser(pin);
        }

        private static boolean waitedForInitialiser(Pin pin) {
            return pin.reason() != null && pin.reason().startsWith("Waited for initialization");
        }

        private Optional<String> initialiserOf(Pin pin) {
            return pin.stack().stream().filter(f -> f.contains("." + CLINIT + "("))
                    .map(f -> f.substring(0, f.indexOf("." + CLINIT + "("))).findFirst();
        }

        private static Optional<String> initialiserOf(Request request) {
            return request.stack().stream().filter(f -> f.contains("." + CLINIT + "("))
                    .map(f -> f.substring(0, f.indexOf("." + CLINIT + "("))).findFirst();
        }

        private static String range(List<Pin> pins) {
            long low = Math.round(pins.stream().mapToDouble(Pin::millis).min().orElse(0));
            long high = Math.round(pins.stream().mapToDouble(Pin::millis).max().orElse(0));
            return low == high ? low + " ms" : low + " to " + high + " ms";
        }

        /** The most fetches in flight at the same moment; one that ends as another begins does not overlap it. */
        private int mostInFlight() {
            List<long[]> moments = new ArrayList<>();
            for (Fetch fetch : report.fetches()) {
                moments.add(new long[]{fetch.startMillis(), 1});
                moments.add(new long[]{fetch.endMillis(), -1});
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
        private Evidence.Series plot() {
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
                    + " the requests were let go (the virtual threads have %d carrier threads)", step,
                    report.carriers()), "ms", "most fetches in flight", points);
        }

        private long inFlightAt(long millis) {
            return report.fetches().stream()
                    .filter(f -> f.startMillis() <= millis && (!f.ended() || f.endMillis() > millis)).count();
        }

        /** Each fetch's start and end, on its thread. */
        private Evidence.Timeline timeline() {
            List<Event> events = new ArrayList<>();
            for (Fetch fetch : report.fetches()) {
                events.add(new Event(fetch.startMillis(), fetch.thread(), "fetch(\"" + fetch.table() + "\") begins"
                        + (fetch.initialiser() == null ? "" : ", inside " + simple(fetch.initialiser()) + ".<clinit>")
                        + (fetch.virtual() ? "" : " (a platform thread)")));
                if (fetch.ended()) {
                    events.add(
                            new Event(fetch.endMillis(), fetch.thread(), "fetch(\"" + fetch.table() + "\") returns"));
                }
            }
            events.sort(Comparator.comparingLong(Event::atMillis));
            return new Evidence.Timeline(String.format(Locale.ROOT, "The fetches, in ms from the moment the %d"
                    + " requests were let go", report.requests().size()), events);
        }

        /** The threads the fetches ran on, each with its count: "request-3 (1), request-7 (1)". */
        private String fetchThreads() {
            Map<String, Long> threads = report.fetches().stream().collect(
                    Collectors.groupingBy(Fetch::thread, LinkedHashMap::new, Collectors.counting()));
            return threads.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + ")" : ""))
                    .collect(Collectors.joining(", "));
        }

        private static String simple(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }
}
