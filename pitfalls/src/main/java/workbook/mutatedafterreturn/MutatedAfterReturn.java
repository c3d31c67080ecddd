package workbook.mutatedafterreturn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.TimelineRecorder;
import workbook.harness.Trial;

/**
 * A web thread runs 8 searches, in an order drawn anew in every trial, and renders each result the moment
 * {@code search()} returns it. The suggester takes a time drawn anew for every call (see {@link Pace}), or answers as
 * soon as {@code search()} has returned and the page is rendered, whichever comes first. So suggestions that a task
 * adds after the return always land on a result that has already been rendered. One search in every trial has a slow
 * suggestion and another a quick one, so that no fixed wait passes: one shorter than the slow suggestion misses it,
 * and one longer keeps the quick search waiting long after its answer ({@link #LINGER}). Then the scenario waits for
 * the suggester's answer to settle and looks at the same result object again.
 */
public final class MutatedAfterReturn implements Pitfall<Search> {

    /** Query, the products the index finds, the searches the suggester suggests. */
    record Query(String text, List<String> hits, List<String> suggestions) {
        boolean typo() {
            return hits.isEmpty();
        }
    }

    static final List<Query> QUERIES = List.of(
            new Query("sneekers", List.of(), List.of("sneakers")),
            new Query("red shoes", List.of("red running shoes", "red canvas shoes", "red heels"),
                    List.of("red sneakers", "red boots")),
            new Query("rain jacket", List.of("packable rain jacket", "rain jacket with hood"),
                    List.of("rain poncho")),
            new Query("wool socks", List.of("merino wool socks", "wool hiking socks", "wool ski socks"),
                    List.of("cashmere socks", "wool slippers")),
            new Query("backpak", List.of(), List.of("backpack", "back pack")),
            new Query("sun hat", List.of("wide brim sun hat", "straw sun hat"), List.of("bucket hat")),
            new Query("hiking boots", List.of("leather hiking boots", "waterproof hiking boots"),
                    List.of("trail shoes", "hiking socks")),
            new Query("running shorts", List.of("running shorts with pockets"), List.of("running tights")));
    static final Duration FASTEST = Duration.ofMillis(1);
    static final Duration SLOWEST = Duration.ofMillis(600);
    /**
     * How long after the suggester's answer search() may take to return: the wake-up of a waiting thread on a busy
     * machine, with room to spare; a fixed wait that outlasted the answer takes longer.
     */
    static final Duration LINGER = Duration.ofMillis(250);
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);

    /** How long the suggester takes for one search. */
    enum Pace {
        /** Longer than any search may linger after its answer. */
        SLOW(LINGER.plusMillis(50), SLOWEST),
        /** Almost at once. */
        QUICK(FASTEST, Duration.ofMillis(10)),
        /** Anything, on a log scale; a typo takes longer (see {@link #delay}). */
        ANY(FASTEST, SLOWEST.dividedBy(2));

        final Duration shortest;
        final Duration longest;

        Pace(Duration shortest, Duration longest) {
            this.shortest = shortest;
            this.longest = longest;
        }

        Duration delay(boolean typo) {
            return this == ANY && typo
                    ? Delays.between(Duration.ofMillis(10), SLOWEST)
                    : Delays.between(shortest,
                            longest);
        }
    }
    /** How long after the suggester answered a change to the result may take to show. */
    static final Duration SETTLE = Duration.ofMillis(200);

    @Override
    public String id() {
        return "mutated-after-return";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /** Both variants' threads end with the trial (the scenario shuts down what it started). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<SearchService> subject() {
        return SearchService.class;
    }

    @Override
    public Finding run(Class<? extends Search> implementation, Trial trial) throws Exception {
        TimelineRecorder timeline = new TimelineRecorder(System.nanoTime());
        FakeSuggester suggester = new FakeSuggester(timeline);
        Map<String, Query> byText = new ConcurrentHashMap<>();
        QUERIES.forEach(q -> byText.put(q.text(), q));
        Index index = query -> byText.containsKey(query) ? byText.get(query).hits() : List.of();
        Search search = Subjects.create(implementation, index, suggester);
        ExecutorService web = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "web-1");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int searches = 0;
            int changed = 0;
            boolean onlySuggestionsChanged = true;
            List<Event> firstChange = null;
            String firstChangeText = null;
            List<Query> queries = new ArrayList<>(QUERIES);
            Collections.shuffle(queries);
            int slow = ThreadLocalRandom.current().nextInt(queries.size());
            int quick = (slow + 1 + ThreadLocalRandom.current().nextInt(queries.size() - 1)) % queries.size();
            long longestLinger = 0;
            for (Query query : queries) {
                if (trial.outOfTime()) {
                    break;
                }
                Pace pace = searches == slow ? Pace.SLOW : searches == quick ? Pace.QUICK : Pace.ANY;
                searches++;
                timeline.clear();
                CountDownLatch rendered = suggester.newSearch(pace.delay(query.typo()));
                AtomicReference<Thread> caller = new AtomicReference<>();
                Future<Seen> call = web.submit(() -> {
                    caller.set(Thread.currentThread());
                    timeline.add("search(\"" + query.text() + "\") called");
                    SearchResult result = search.search(query.text());
                    long returnedAt = System.nanoTime();
                    Page page = result == null ? null : Page.of(result);
                    timeline.add(returnedAt, "search() returned; rendered: " + page);
                    rendered.countDown();
                    return new Seen(result, page, returnedAt);
                });
                Seen seen;
                try {
                    seen = call.get(CALL_LIMIT.plus(SLOWEST).toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Thread stuck = caller.get();
                    return trial.notWorking("search(\"" + query.text() + "\") did not return within "
                            + CALL_LIMIT.plus(SLOWEST).toMillis() + " ms",
                            new Evidence.Threads("Where search() was stuck", stuck == null
                                    ? List.of()
                                    : ThreadViews.of(List.of(stuck.threadId()), trial.lockNames())));
                } catch (ExecutionException e) {
                    return trial.notWorking("search(\"" + query.text() + "\") threw " + e.getCause());
                }
                if (seen.result() == null) {
                    return trial.notWorking("search(\"" + query.text() + "\") returned null");
                }
                if (suggester.answeredBeforeRender()) {
                    long linger = TimeUnit.NANOSECONDS.toMillis(seen.returnedAt() - suggester.answeredAt());
                    longestLinger = Math.max(longestLinger, linger);
                    if (linger > LINGER.toMillis()) {
                        timeline.add("workbook", "renders the page");
                        return trial.notWorking(String.format(Locale.ROOT,
                                "search(\"%s\") kept the web thread waiting %,d ms after the suggester had answered: "
                                        + "it waited a fixed time, not for the suggestions. The contract says it "
                                        + "returns as soon as the result is complete",
                                query.text(), linger),
                                new Evidence.Timeline("That search, in ms since the start", timeline.events()));
                    }
                }
                Page later = settle(seen, suggester);
                if (!later.equals(seen.atReturn())) {
                    changed++;
                    onlySuggestionsChanged &= later.hits().equals(seen.atReturn().hits());
                    if (firstChange == null) {
                        timeline.add("workbook", "looks at the same result again: " + later);
                        firstChange = timeline.events();
                        firstChangeText = String.format(Locale.ROOT,
                                "The page for \"%s\" was rendered with %s; the result object it came from then "
                                        + "changed to %s.",
                                query.text(), seen.atReturn(), later);
                    }
                    continue;
                }
                Page expected = new Page(query.hits(), query.suggestions());
                if (!later.equals(expected)) {
                    return trial.notWorking(String.format(Locale.ROOT,
                            "search(\"%s\") returned %s, and it stayed so; the index and the suggester answered %s",
                            query.text(), later, expected));
                }
            }
            if (changed > 0) {
                return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                        "%d of %d search results changed after search() had returned them: %s arrived after the page "
                                + "was rendered",
                        changed, searches, onlySuggestionsChanged ? "the suggestions" : "changes"),
                        new Count("results that changed after search() returned", 0, changed),
                        new Evidence.Note(firstChangeText),
                        new Evidence.Timeline("The first such search, in ms since the start", firstChange));
            }
            if (searches == 0) {
                return trial.inconclusive("the budget ran out before a search could run");
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%d searches: every result held its hits and suggestions when search() returned it, and did not "
                            + "change afterwards; search() returned within %,d ms of the suggester's answer, which "
                            + "took up to %,d ms",
                    searches, Math.max(1, longestLinger), suggester.slowestMillis()),
                    new Count("results that changed after search() returned", 0, 0));
        } finally {
            web.shutdownNow();
        }
    }

    /**
     * Waits, when the suggester has not answered before search() returned, until its answer has had time to land on
     * the result; then looks at the result again.
     */
    private static Page settle(Seen seen, FakeSuggester suggester) throws InterruptedException {
        if (suggester.answeredBeforeRender()) {
            return Page.of(seen.result());
        }
        if (suggester.awaitAnswer(CALL_LIMIT.plus(SLOWEST))) {
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (Page.of(seen.result()).equals(seen.atReturn()) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        return Page.of(seen.result());
    }

    /** A search result as the page renders it. */
    record Page(List<String> hits, List<String> suggestions) {
        static Page of(SearchResult result) {
            return new Page(result.hits(), result.suggestions());
        }

        @Override
        public String toString() {
            return hits.size() + " hits, suggestions " + suggestions;
        }
    }

    /** The result search() returned, and the page rendered from it right then. */
    private record Seen(SearchResult result, Page atReturn, long returnedAt) {
    }

    /** Answers after its time, or at once when the current search's page has been rendered. */
    private static final class FakeSuggester implements Suggester {

        private final TimelineRecorder timeline;
        private volatile CountDownLatch rendered = new CountDownLatch(0);
        private volatile CountDownLatch answered = new CountDownLatch(0);
        private volatile boolean answeredBeforeRender;
        private volatile long answeredAt;
        private volatile Duration delay = FASTEST;
        private volatile long slowest;

        FakeSuggester(TimelineRecorder timeline) {
            this.timeline = timeline;
        }

        CountDownLatch newSearch(Duration delay) {
            this.delay = delay;
            rendered = new CountDownLatch(1);
            answered = new CountDownLatch(1);
            answeredBeforeRender = false;
            return rendered;
        }

        @Override
        public List<String> suggest(String query) {
            Query known = QUERIES.stream().filter(q -> q.text().equals(query)).findFirst().orElse(null);
            timeline.add("suggest(\"" + query + "\") asked");
            CountDownLatch renderedNow = rendered;
            try {
                long start = System.nanoTime();
                renderedNow.await(delay.toNanos(), TimeUnit.NANOSECONDS);
                if (renderedNow.getCount() > 0) {
                    slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> suggestions = known == null ? List.of() : known.suggestions();
            answeredBeforeRender = renderedNow.getCount() > 0;
            answeredAt = System.nanoTime();
            timeline.add(answeredAt, "suggest() answers " + suggestions);
            answered.countDown();
            return suggestions;
        }

        boolean answeredBeforeRender() {
            return answered.getCount() == 0 && answeredBeforeRender;
        }

        /** When the suggester last answered (a {@link System#nanoTime()} value). */
        long answeredAt() {
            return answeredAt;
        }

        long slowestMillis() {
            return slowest;
        }

        boolean awaitAnswer(Duration limit) throws InterruptedException {
            return answered.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

}
