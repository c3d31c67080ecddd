package workbook.pinnedvirtualthreads;

import static workbook.pinnedvirtualthreads.PinnedVirtualThreads.ASKS_PER_TABLE;
import static workbook.pinnedvirtualthreads.PinnedVirtualThreads.LATE;
import static workbook.pinnedvirtualthreads.PinnedVirtualThreads.LONG_PIN;
import static workbook.pinnedvirtualthreads.PinnedVirtualThreads.PATIENCE;
import static workbook.pinnedvirtualthreads.RunEvidence.inInitialiser;
import static workbook.pinnedvirtualthreads.RunEvidence.initialiserIn;
import static workbook.pinnedvirtualthreads.RunEvidence.range;
import static workbook.pinnedvirtualthreads.RunEvidence.simple;
import static workbook.pinnedvirtualthreads.RunEvidence.waitedForInitialiser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import workbook.harness.ChildJvm;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Trial;
import workbook.pinnedvirtualthreads.RunReport.Fetch;
import workbook.pinnedvirtualthreads.RunReport.Pin;
import workbook.pinnedvirtualthreads.RunReport.Request;

/**
 * What one run of the first requests shows ({@link PinnedVirtualThreads}): requests stuck for good, virtual threads
 * pinned in the code under test, tables wrong or fetched twice, fetches that took turns, or the work done as the
 * contract promises.
 */
final class Judgement {

    private static final String MOST_IN_FLIGHT = "most fetches in flight at once";

    private final RunReport report;
    private final RunEvidence run;
    private final String revision;
    private final String subject;
    private final ChildJvm.Result child;
    private final Trial trial;
    private final int tables;
    private final long slowest;
    private final long fastest;

    Judgement(RunReport report, Map<String, Duration> latencies, String revision, String subject,
            ChildJvm.Result child, Trial trial) {
        this.report = report;
        this.run = new RunEvidence(report, subject);
        this.revision = revision;
        this.subject = subject;
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
        List<Pin> pins = run.pinnedInSubjectFor(LONG_PIN.toMillis());
        if (!pins.isEmpty()) {
            return pinned(pins);
        }
        Finding finding = wrongWork();
        if (finding == null) {
            finding = notTogether();
        }
        if (finding == null) {
            finding = threadsLeft();
        }
        return finding != null ? finding : clean();
    }

    /** A request that got no table or a wrong one, a table fetched twice, or one fetched before anyone asked. */
    private Finding wrongWork() {
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
                    twice.get().getValue(), ASKS_PER_TABLE), run.timeline());
        }
        Optional<Fetch> early = report.fetches().stream().filter(f -> f.startMillis() < 0).findFirst();
        if (early.isPresent()) {
            return trial.notWorking(String.format(Locale.ROOT, "\"%s\" was fetched %d ms before any request"
                    + " asked for a table, on %s; the contract says each table is fetched on its first use",
                    early.get().table(), -early.get().startMillis(), early.get().thread()));
        }
        return null;
    }

    /**
     * Fetches that did not all overlap, or requests answered late, with nothing pinned. Or fetches in static
     * initialisers that overlapped all the same: a JDK on which this pitfall cannot show.
     */
    private Finding notTogether() {
        int most = run.mostInFlight();
        Optional<Fetch> inInitialiser = report.fetches().stream().filter(f -> f.virtual() && f.initialiser() != null)
                .findFirst();
        if (inInitialiser.isPresent() && most == tables) {
            return trial.inconclusive(String.format(Locale.ROOT, "the fetches ran inside static initialisers"
                    + " (%s.<clinit>, ...) on virtual threads, and still all %d were in flight at once, with no"
                    + " jdk.VirtualThreadPinned event: this JDK (%d) lets a virtual thread that blocks in a class"
                    + " initialiser unmount, so the pitfall cannot show on it",
                    simple(inInitialiser.get().initialiser()),
                    tables, Runtime.version().feature()), run.plot(), run.timeline());
        }
        if (most < tables) {
            return trial.notWorking(String.format(Locale.ROOT, "nothing was pinned (JFR recorded no virtual thread"
                    + " pinned for %d ms or more), but never more than %d of the %d fetches were in flight at once"
                    + " (on %s): the requests took turns and had their tables after %,d ms, where the slowest fetch"
                    + " takes %d ms. The contract says tables asked for together are fetched together",
                    LONG_PIN.toMillis(), most, tables, run.fetchThreads(), report.elapsedMillis(), slowest),
                    new Count(MOST_IN_FLIGHT, tables, most), run.plot(), run.timeline());
        }
        if (report.elapsedMillis() > slowest + Math.max(LATE.toMillis(), slowest)) {
            return trial.notWorking(String.format(Locale.ROOT, "all %d fetches were in flight at once, but the"
                    + " requests had their tables only after %,d ms, where the slowest fetch takes %d ms: they"
                    + " waited for something else than their fetches", tables, report.elapsedMillis(), slowest),
                    run.timeline());
        }
        return null;
    }

    /** Threads the code under test started that kept the service's JVM from exiting. */
    private Finding threadsLeft() {
        if (child.exited()) {
            return null;
        }
        List<Evidence> evidence = new ArrayList<>(List.of(run.timeline()));
        if (!child.lingering().isEmpty()) {
            evidence.add(new Evidence.Threads("What kept the service's JVM alive", child.lingering()));
        }
        return trial.notWorking("every request had its table in time, but threads the reference data started kept"
                + " the service's JVM alive after its work was done: a fix must not leave threads running",
                evidence.toArray(Evidence[]::new));
    }

    private Finding clean() {
        return trial.clean(String.format(Locale.ROOT, "%d requests on virtual threads asked for the %d tables at"
                + " once, with %d carrier threads: all %d fetches were in flight together, and every request had"
                + " its table after %,d ms, where the slowest fetch takes %d ms; each table was fetched once, and"
                + " every request got the service's table. JFR recorded no virtual thread blocked while pinned in %s"
                + " for %d ms or more (jdk.VirtualThreadPinned), and the service's health check, a virtual thread"
                + " that ticks every %d ms, went at most %d ms without a tick", report.requests().size(), tables,
                report.carriers(), tables, report.elapsedMillis(), slowest, simple(subject), LONG_PIN.toMillis(),
                HealthCheck.EVERY.toMillis(), report.healthGapMillis()),
                new Count(MOST_IN_FLIGHT, tables, run.mostInFlight()), run.plot());
    }

    /** Requests that never had their table: stuck for good, pinned or not. */
    private Finding stuck(List<Request> stuck) {
        List<Request> pinnedNow = stuck.stream().filter(RunEvidence::parkedOnCarrier).toList();
        List<Request> inside = stuck.stream()
                .filter(r -> !RunEvidence.parkedOnCarrier(r) && run.frameIn(r.stack()).isPresent())
                .toList();
        List<Request> neverRan = stuck.stream().filter(r -> run.frameIn(r.stack()).isEmpty()).toList();
        List<Evidence.ThreadView> views = new ArrayList<>();
        pinnedNow.stream().limit(2).forEach(r -> views.add(run.view(r, "WAITING, parked on its carrier (pinned)")));
        inside.stream().limit(1).forEach(r -> views.add(run.view(r, r.state())));
        neverRan.stream().limit(1).forEach(r -> views.add(run.view(r, r.state() + ", let go but not run since: no"
                + " carrier was free")));
        List<String> where = new ArrayList<>();
        if (!pinnedNow.isEmpty()) {
            where.add(String.format(Locale.ROOT, "%d parked on their carrier thread, pinned (%s)",
                    pinnedNow.size(),
                    initialiserIn(pinnedNow.get(0).stack()).map(c -> "inside " + simple(c) + ".<clinit>")
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
            evidence.add(run.timeline());
        }
        String head = String.format(Locale.ROOT, "%d of the %d requests never had their table: after %,d ms"
                + " they still waited, %s (%s). Of them: %s", stuck.size(), report.requests().size(),
                report.elapsedMillis(), stillness(), fetches, String.join(", ", where));
        if (pinnedNow.isEmpty()) {
            return trial.notWorking(head + String.format(Locale.ROOT, " (the fetches take %d to %d ms)",
                    fastest, slowest), evidence.toArray(Evidence[]::new));
        }
        evidence.add(jdkCase(initialiserIn(pinnedNow.get(0).stack()).isPresent()));
        return trial.reproduced(FailureKind.HANG, head + String.format(Locale.ROOT, ". With its %d carriers held"
                + " by pinned virtual threads, the JVM has no carrier left for the virtual threads that would end"
                + " their waits: the service hangs. (JFR writes a jdk.VirtualThreadPinned event when a pinned wait"
                + " ends; these never end.)", report.carriers()), evidence.toArray(Evidence[]::new));
    }

    /** What the requests' wait looked like when the service stopped waiting for them. */
    private String stillness() {
        return report.elapsedMillis() < PATIENCE.toMillis()
                ? String.format(Locale.ROOT, "and nothing had happened for %d ms", FirstRequests.QUIET.toMillis())
                : "fetching or not";
    }

    /** Virtual threads that blocked while pinned, in the code under test: the stall. */
    private Finding pinned(List<Pin> pins) {
        int most = run.mostInFlight();
        Pin first = pins.stream().filter(p -> inInitialiser(p) && !waitedForInitialiser(p)).findFirst()
                .orElse(pins.get(0));
        boolean initialisers = inInitialiser(first);
        List<Pin> blocked = pins.stream().filter(p -> !waitedForInitialiser(p)).toList();
        long waited = pins.size() - blocked.size();
        long classes = blocked.stream().map(p -> initialiserIn(p.stack()).orElse("")).distinct().count();
        String where = initialisers
                ? String.format(Locale.ROOT, "inside a static initialiser (%s.<clinit>%s)",
                        simple(initialiserIn(first.stack()).orElse(subject)), classes > 1
                                ? String.format(Locale.ROOT, " and %d others", classes - 1)
                                : "")
                : "in " + simple(run.frameIn(first.stack()).orElse(subject)) + (first.reason() != null
                        ? " (" + first.reason() + ")"
                        : Runtime.version().feature() < 24
                                ? " while holding a monitor (inside synchronized) or under a native frame"
                                : "");
        String stall = most <= report.carriers() && tables > report.carriers()
                ? String.format(Locale.ROOT, "together they should have taken about %d ms, and took %,d ms:"
                        + " never more than %d fetches were in flight, one per carrier thread,", slowest,
                        report.elapsedMillis(), most)
                : String.format(Locale.ROOT, "up to %d of them were in flight at once and the requests had"
                        + " their tables after %,d ms, but", most, report.elapsedMillis());
        String summary = String.format(Locale.ROOT, "%d requests on virtual threads asked for the %d tables at"
                + " once, each table a fetch of %d to %d ms; %s because the virtual threads blocked %s, where a"
                + " virtual thread cannot unmount: it stays pinned to its carrier until its wait ends. JFR"
                + " recorded %d jdk.VirtualThreadPinned event%s there (%s)%s",
                report.requests().size(), tables, fastest, slowest, stall, where, blocked.size(),
                blocked.size() == 1 ? "" : "s", range(blocked),
                waited == 0
                        ? ""
                        : String.format(Locale.ROOT, ", and %d more for requests that waited, pinned too, for"
                                + " another thread's static initialiser", waited));
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Count(MOST_IN_FLIGHT, tables, most));
        evidence.add(run.plot());
        evidence.add(run.timeline());
        evidence.add(run.jfrEvent(first, blocked.size()));
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
                            + " be unmounted. The case here is the second, which JEP 491 left as it was: JDK 24"
                            + " and 25 pin there too.",
                            feature));
        }
        return new Evidence.Note(feature >= 24
                ? String.format(Locale.ROOT, "This JDK is %d: since JDK 24 (JEP 491) blocking inside"
                        + " synchronized no longer pins; what still pins is blocking inside a class initialiser"
                        + " or under a native frame, and JFR's pinnedReason says which.", feature)
                : String.format(Locale.ROOT, "This JDK is %d: on JDK 21 to 23 a virtual thread that blocks"
                        + " while it holds a monitor (inside synchronized) stays pinned; JEP 491 freed it in JDK"
                        + " 24. Blocking inside a class initialiser pins on JDK 21 to 25.", feature));
    }
}
