package workbook.orphanedsubtasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.NamedPool;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * Two rounds of two requests at once, each searching three airlines on the aggregator's executor: one request is
 * cancelled ({@code cancel(true)} on its future) once every airline has begun a drawn number of pages, the other is
 * left to finish. Airline searches that go on, page after page, for the cancelled request are the pitfall. Otherwise
 * the cancelled search must end at once with its airlines, and the other must return every fare, its airlines
 * searched in parallel on the executor given, which stays open.
 */
public final class OrphanedSubtasks implements Pitfall<FareSearch> {

    static final int ROUNDS = 2;
    static final List<String> AIRLINES = List.of("SkyLow", "Aerolink", "Nordjet");
    /** Pages begun after the cancel that make an airline search an orphan (the page under way may finish). */
    static final int PAGES_AFTER = 2;
    /** Pages take at most 16 ms: a search that begins none in this long after the cancel has stopped. */
    static final Duration WATCH = Duration.ofMillis(120);
    static final Duration PATIENCE = Duration.ofSeconds(2);

    private static final List<String> ROUTES = List.of("LIS-OSL", "BER-ROM", "MAD-CPH", "VIE-DUB");

    @Override
    public String id() {
        return "orphaned-subtasks";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_CANCEL;
    }

    /** The scenario closes its airlines under any search left running and shuts both its pools down. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<FareAggregator> subject() {
        return FareAggregator.class;
    }

    @Override
    public Finding run(Class<? extends FareSearch> implementation, Trial trial) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        NamedPool fares = new NamedPool("fares", 6);
        NamedPool requests = new NamedPool("request", 2);
        Map<String, Request> registry = ScriptedAirline.registry();
        List<ScriptedAirline> airlines = AIRLINES.stream().map(name -> new ScriptedAirline(name, registry))
                .toList();
        List<String> routes = new ArrayList<>(ROUTES);
        Collections.shuffle(routes, random);
        List<Integer> cancelledAfter = new ArrayList<>();
        int faresFound = 0;
        try {
            FareSearch search = Subjects.create(implementation, new ArrayList<FareSource>(airlines), fares.executor());
            for (int round = 0; round < ROUNDS && !trial.outOfTime(); round++) {
                long origin = System.nanoTime();
                Request toCancel = new Request(routes.get(2 * round), AIRLINES, origin, random);
                Request toKeep = new Request(routes.get(2 * round + 1), AIRLINES, origin, random);
                registry.put(toCancel.route, toCancel);
                registry.put(toKeep.route, toKeep);
                Map<Request, Future<List<String>>> running = new HashMap<>();
                for (Request request : random.nextBoolean() ? List.of(toCancel, toKeep) : List.of(toKeep, toCancel)) {
                    running.put(request, requests.executor().submit(() -> searchFor(search, request)));
                }
                int pages = random.nextInt(1, 4);
                Finding finding = cancel(toCancel, running.get(toCancel), pages, trial);
                finding = finding != null ? finding : judgeKept(toKeep, running.get(toKeep), fares, trial);
                if (finding != null) {
                    return finding;
                }
                cancelledAfter.add(pages);
                faresFound += toKeep.allFares().size();
            }
        } finally {
            // A held trial leaves the orphaned searches searching, for jstack.
            if (!trial.held()) {
                airlines.forEach(ScriptedAirline::close);
                requests.shutdownNow(Duration.ofSeconds(1));
                fares.shutdownNow(Duration.ofSeconds(1));
            }
        }
        if (cancelledAfter.size() < ROUNDS) {
            return trial.inconclusive("the budget ran out before every request was made");
        }
        return trial.clean(String.format(Locale.ROOT,
                "in %d rounds of two requests at once, each cancelled request (after %s pages of each airline) ended"
                        + " with all %d of its airline searches, and each other request returned all its fares (%d"
                        + " in all), its airlines searched in parallel; the executor stayed open",
                ROUNDS, cancelledAfter.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                AIRLINES.size(), faresFound));
    }

    /** The request's own task: calls search, and notes on its timeline how the call ended. */
    private static List<String> searchFor(FareSearch search, Request request) throws Exception {
        try {
            List<String> found = search.search(request.route);
            request.probe.note("search(\"" + request.route + "\") returned " + found.size() + " fares");
            return found;
        } catch (Exception e) {
            request.probe.note("search(\"" + request.route + "\") threw " + e.getClass().getSimpleName());
            throw e;
        } finally {
            request.searchEnded();
        }
    }

    /** Cancels the request once each airline has begun {@code pages} pages, and watches what its searches do. */
    private static Finding cancel(Request request, Future<List<String>> future, int pages, Trial trial)
            throws InterruptedException {
        String asked = "the request for " + request.route;
        if (!Waits.until(() -> request.fewestPagesBegun() >= pages, PATIENCE)) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s had not begun %d pages of every airline within %,d ms (%s)", asked, pages, PATIENCE.toMillis(),
                    request.legs.values().stream().map(leg -> leg.airline + " " + leg.begun())
                            .collect(Collectors.joining(", "))),
                    request.probe.timeline("What happened"));
        }
        request.probe.cancelled("the user left: future.cancel(true) on " + asked);
        future.cancel(true);
        Waits.until(() -> request.settled(PAGES_AFTER) && request.hasSearchEnded(), WATCH);
        List<Leg> orphans = request.legs.values().stream().filter(leg -> leg.begunAfterCancel() >= PAGES_AFTER)
                .toList();
        if (!orphans.isEmpty()) {
            String summary = String.format(Locale.ROOT,
                    "%s was cancelled and its search %s, yet %d of the %d airline searches it started went on: %s"
                            + " in the %d ms after the cancel, for a request that was gone",
                    asked, request.hasSearchEnded() ? "ended at once" : "is still waiting", orphans.size(),
                    AIRLINES.size(),
                    orphans.stream().map(leg -> leg.airline + " " + leg.begunAfterCancel() + " more pages")
                            .collect(Collectors.joining(", ")),
                    request.probe.millisSinceCancel());
            Evidence.Timeline timeline = request.probe.timeline("The cancelled request, from the start of its round");
            // As jstack would show them now: those still in an airline's search (the others are back in the pool).
            List<Long> threads = orphans.stream().map(leg -> leg.thread().threadId()).toList();
            List<Evidence.ThreadView> searching = ThreadViews.of(threads, trial.lockNames()).stream()
                    .filter(view -> view.stack().stream().anyMatch(frame -> frame.contains(".search(")))
                    .toList();
            return searching.isEmpty()
                    ? trial.reproduced(FailureKind.LOST_CANCEL, summary, timeline)
                    : trial.reproduced(FailureKind.LOST_CANCEL, summary, timeline,
                            new Evidence.Threads("The airline searches still running for it", searching));
        }
        if (!request.hasSearchEnded()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s was cancelled, and its search neither ended nor let go of its thread within %d ms: the"
                            + " contract says it ends at once",
                    asked, WATCH.toMillis()), request.probe.timeline("What happened"));
        }
        List<String> stillSearching = request.legs.values().stream().filter(leg -> !leg.hasEnded())
                .map(leg -> leg.airline).toList();
        if (!stillSearching.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s was cancelled; %s neither stopped nor went on within %d ms", asked, stillSearching,
                    WATCH.toMillis()), request.probe.timeline("What happened"));
        }
        return null;
    }

    private static Finding judgeKept(Request request, Future<List<String>> future, NamedPool fares, Trial trial)
            throws InterruptedException {
        String asked = "the request for " + request.route;
        List<String> found = null;
        Throwable failure = null;
        try {
            found = future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        if (fares.executor().isShutdown()) {
            return trial.notWorking(asked + ", which nobody cancelled, " + (failure == null
                    ? "got its fares, but"
                    : "failed with " + failure + ":") + " the executor the aggregator was given was shut down, and"
                    + " every request after it would be refused. The contract says it stays open",
                    request.probe.timeline("What happened"));
        }
        if (failure instanceof TimeoutException) {
            return trial.notWorking(asked + ", which nobody cancelled, had no answer after " + PATIENCE.toMillis()
                    + " ms", request.probe.timeline("What happened"));
        }
        if (failure != null) {
            return trial.notWorking(asked + ", which nobody cancelled, failed: " + failure,
                    request.probe.timeline("What happened"));
        }
        List<String> expected = new ArrayList<>(request.allFares());
        List<String> got = new ArrayList<>(found);
        Collections.sort(expected);
        Collections.sort(got);
        if (!expected.equals(got)) {
            return trial.notWorking(String.format(Locale.ROOT, "%s, which nobody cancelled, returned %d fares, not"
                    + " the %d its airlines found", asked, found.size(), expected.size()),
                    request.probe.timeline("What happened"));
        }
        if (!request.ranInParallel()) {
            return trial.notWorking(asked + " searched its airlines one after another, never two at once: the"
                    + " contract says in parallel", request.probe.timeline("What happened"));
        }
        for (Leg leg : request.legs.values()) {
            if (!fares.owns(leg.thread())) {
                return trial.notWorking(String.format(Locale.ROOT, "%s searched %s on %s, not on the executor given",
                        asked, leg.airline, leg.thread().getName()), request.probe.timeline("What happened"));
            }
        }
        return null;
    }
}
