package workbook.thisescape;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.LockNames;
import workbook.harness.ThreadViews;
import workbook.harness.TimelineRecorder;

/**
 * The scenario's market-data feed, as the contract describes one: a dispatcher thread of its own, which replays the
 * last quote of every symbol to a new subscriber at once (before {@code subscribe} returns, if told to) and then
 * delivers every new quote. Like a real feed, it catches what a listener throws and goes on. For the evidence it
 * notes, before each call of {@code onQuote}, the board's fields as they are at that moment and whether the board's
 * constructor is still running on the thread that opens it (and where); after the call, what it threw and the line
 * the board shows.
 */
final class ScriptedFeed implements QuoteFeed, AutoCloseable {

    static final String DISPATCHER = "feed-dispatcher";
    /** How long a subscribe that replays before it returns waits for the replay at most. */
    static final Duration REPLAY_PATIENCE = Duration.ofMillis(100);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One call of onQuote, as the feed saw it. */
    record Delivery(Quote quote, boolean replay, long startNanos, long endNanos, ThreadView constructor,
            Map<String, Object> fieldsAtCall, String fieldsShown, Throwable thrown, String lineAfter,
            boolean boardFound) {

        boolean duringConstructor() {
            return constructor != null;
        }

        long micros() {
            return TimeUnit.NANOSECONDS.toMicros(endNanos - startNanos);
        }
    }

    /** A quote to deliver; a replay counts down its subscription's latch once delivered. */
    private record Pending(QuoteListener listener, Quote quote, CountDownLatch replayed) {

        boolean replay() {
            return replayed != null;
        }
    }

    private final Class<?> board;
    private final TimelineRecorder timeline;
    private final LockNames names;
    private final Map<String, Quote> last = new LinkedHashMap<>();
    private final List<QuoteListener> listeners = new ArrayList<>();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger undelivered = new AtomicInteger();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Thread dispatcher;
    private volatile Thread opener;
    private volatile long deliveringSince;
    private volatile boolean replayBeforeReturning;
    private volatile boolean gaveUpOnReplay;

    private ScriptedFeed(Class<?> board, TimelineRecorder timeline, LockNames names) {
        this.board = board;
        this.timeline = timeline;
        this.names = names;
        this.dispatcher = new Thread(this::dispatch, DISPATCHER);
        dispatcher.setDaemon(true);
    }

    /** A feed whose dispatcher is running: started once the feed is built (the lesson's own advice). */
    static ScriptedFeed start(Class<?> board, TimelineRecorder timeline, LockNames names) {
        ScriptedFeed feed = new ScriptedFeed(board, timeline, names);
        feed.dispatcher.start();
        return feed;
    }

    /** The thread about to open a board: while the board's constructor runs on it, deliveries note where it is. */
    void openedBy(Thread thread) {
        opener = thread;
    }

    /** A quote from the market, before any board subscribed: the replay a new subscriber gets. */
    synchronized void seed(Quote quote) {
        last.put(quote.symbol(), quote);
    }

    /** A new quote, delivered to every subscriber. */
    synchronized void publish(Quote quote) {
        last.put(quote.symbol(), quote);
        for (QuoteListener listener : listeners) {
            enqueue(new Pending(listener, quote, null));
        }
    }

    @Override
    public void subscribe(QuoteListener listener) {
        subscriptions.incrementAndGet();
        CountDownLatch replayed;
        synchronized (this) {
            timeline.add("feed.subscribe(" + describe(listener) + "): replays " + last.size() + " quotes to it on "
                    + DISPATCHER + (replayBeforeReturning ? ", and returns once they are delivered" : ""));
            listeners.add(listener);
            replayed = new CountDownLatch(last.size());
            for (Quote quote : last.values()) {
                enqueue(new Pending(listener, quote, replayed));
            }
        }
        if (replayBeforeReturning && !isDispatcher(Thread.currentThread())) {
            try {
                if (!replayed.await(REPLAY_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    gaveUpOnReplay = true;
                    timeline.add("feed.subscribe gave up waiting for the replay after " + REPLAY_PATIENCE.toMillis()
                            + " ms, and returns");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Makes {@link #subscribe} return only once the replay has been delivered (or {@link #REPLAY_PATIENCE} has passed),
     * as some feeds do so that a subscriber starts complete; the contract allows either way.
     */
    void replayBeforeReturning() {
        replayBeforeReturning = true;
    }

    private void enqueue(Pending pending) {
        undelivered.incrementAndGet();
        queue.add(pending);
    }

    private void dispatch() {
        try {
            while (true) {
                deliver(queue.take());
                undelivered.decrementAndGet();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void deliver(Pending pending) {
        // The fields first, then the constructor's stack: if it is still running then, it was when they were read.
        long called = System.nanoTime();
        Object target = FieldValues.boardBehind(pending.listener(), board);
        Map<String, Object> values = target == null ? null : FieldValues.of(target, board);
        ThreadView constructor = constructorAtWork();
        String fields = values == null ? null : FieldValues.show(values);
        Quote quote = pending.quote();
        long start = System.nanoTime();
        deliveringSince = start;
        Throwable thrown = null;
        try {
            pending.listener().onQuote(quote);
        } catch (Throwable e) { // a feed logs what a listener throws, and goes on to the next quote
            thrown = e;
        }
        long end = System.nanoTime();
        deliveringSince = 0;
        // Noted after the call, so that the notes do not delay it.
        String call = "onQuote(" + quote + ")" + (pending.replay() ? ", a replay," : "");
        timeline.add(called, constructor != null
                ? call + " while " + board.getSimpleName() + "'s constructor is still running on " + constructor.name()
                        + (fields == null ? "" : "; the board's fields: " + fields)
                : call + " called");
        String line = target instanceof PriceBoard shown ? lineOf(shown, quote.symbol()) : null;
        timeline.add(end, thrown != null
                ? "onQuote threw " + thrown
                : target instanceof PriceBoard
                        ? "onQuote returned; the board shows " + (line == null
                                ? "nothing for " + quote.symbol()
                                : "\"" + line + "\"")
                        : "onQuote returned");
        synchronized (this) {
            deliveries.add(new Delivery(quote, pending.replay(), start, end, constructor, values, fields, thrown,
                    line, target instanceof PriceBoard));
        }
        if (pending.replay()) {
            pending.replayed().countDown();
        }
    }

    /**
     * Where the opening thread is now, as jstack shows it, if the board's constructor is on its stack; else null. The
     * frames below the constructor (the scenario's) are cut. Without the locks it holds, which would take longer to
     * find: the call of onQuote waits for this.
     */
    private ThreadView constructorAtWork() {
        Thread thread = opener;
        if (thread == null) {
            return null;
        }
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId(), Integer.MAX_VALUE);
        if (info == null) {
            return null;
        }
        StackTraceElement[] frames = info.getStackTrace();
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(board.getName()) && frames[i].getMethodName().equals("<init>")) {
                last = i;
            }
        }
        if (last < 0) {
            return null;
        }
        List<String> stack = Arrays.stream(frames, 0, last + 1).filter(f -> !f.getClassName().contains("$$Lambda"))
                .map(ThreadViews::format).toList();
        return new ThreadView(info.getThreadName(), info.getThreadState().name(), null, null, List.of(), stack);
    }

    private static String lineOf(PriceBoard board, String symbol) {
        try {
            return board.line(symbol);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String describe(QuoteListener listener) {
        return board.isInstance(listener) ? board.getSimpleName() : listener.getClass().getSimpleName();
    }

    /**
     * The dispatcher as jstack shows it now, if it has been inside one call of onQuote for {@code atLeast} (waiting,
     * sleeping or spinning, whatever its state); else null.
     */
    ThreadView dispatcherStuckInOnQuote(Duration atLeast) {
        long since = deliveringSince;
        if (since == 0 || System.nanoTime() - since < atLeast.toNanos()) {
            return null;
        }
        List<ThreadView> views = ThreadViews.of(List.of(dispatcher.threadId()), names);
        return views.isEmpty() || deliveringSince != since ? null : views.getFirst();
    }

    boolean isDispatcher(Thread thread) {
        return thread == dispatcher;
    }

    /** Waits until every quote queued so far has been delivered; false if that took longer than {@code within}. */
    boolean awaitDelivered(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (undelivered.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** True when a subscribe that replays before it returns gave up waiting for the replay. */
    boolean gaveUpOnReplay() {
        return gaveUpOnReplay;
    }

    int subscriptions() {
        return subscriptions.get();
    }

    synchronized Map<String, Quote> lastQuotes() {
        return Map.copyOf(last);
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The dispatcher as jstack shows it now. */
    List<ThreadView> dispatcherView() {
        return ThreadViews.of(List.of(dispatcher.threadId()), names);
    }

    @Override
    public void close() throws InterruptedException {
        dispatcher.interrupt();
        dispatcher.join(1_000);
    }
}
