package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import workbook.harness.Delays;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.LockNames;
import workbook.harness.ThreadViews;

/**
 * The scenario's rate service: answers three currencies, fails one with a reset connection and answers one with
 * something that is not a number. It holds each answer until rate() has returned to the caller (or for a while, drawn
 * per lookup), and remembers an answer it gave before, with the caller's stack at that moment.
 */
final class RateService implements RateSource {

    static final Map<String, BigDecimal> RATES = Map.of("USD", new BigDecimal("1.0853"), "GBP",
            new BigDecimal("0.8571"), "CHF", new BigDecimal("0.9412"));
    /** Its connection is reset: an IOException. */
    static final String RESET = "JPY";
    /** Its answer is "n/a": parsing it throws a NumberFormatException, a RuntimeException. */
    static final String MALFORMED = "BRL";
    static final List<String> CURRENCIES = List.of("USD", "GBP", "CHF", RESET, MALFORMED);
    static final Duration HOLD_MIN = Duration.ofMillis(400);
    static final Duration HOLD_MAX = Duration.ofMillis(1200);
    static final Duration ANSWER_TIME = Duration.ofMillis(20);

    /** A lookup that failed: what it threw, on which thread, when. */
    record Failure(Exception error, String thread, long atNanos, long origin) {
        long atMillis() {
            return TimeUnit.NANOSECONDS.toMillis(atNanos - origin);
        }

        long millisSince() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - atNanos);
        }
    }

    /** An answer given while rate() had not returned: the caller's stack then, and how far into the call. */
    record Early(String currency, long millisIntoCall, List<ThreadView> caller) {
    }

    private final long origin;
    private final LockNames names;
    private final Map<String, CountDownLatch> returned = new ConcurrentHashMap<>();
    private final Map<String, Long> callStarts = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Early> early = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Thread caller;

    RateService(long origin, LockNames names) {
        this.origin = origin;
        this.names = names;
    }

    void callerIs(Thread caller) {
        this.caller = caller;
    }

    /** The caller is about to call rate(currency). */
    void calling(String currency) {
        callStarts.put(currency, System.nanoTime());
        returned.put(currency, new CountDownLatch(1));
    }

    /** rate(currency) has returned to the caller. */
    void returned(String currency) {
        CountDownLatch latch = returned.get(currency);
        if (latch != null) {
            latch.countDown();
        }
    }

    @Override
    public BigDecimal fetchRate(String currency) throws IOException {
        calls.incrementAndGet();
        asked.add(currency);
        threads.add(Thread.currentThread().getName());
        holdUntilReturned(currency);
        if (RESET.equals(currency)) {
            throw failed(currency, new SocketException("Connection reset"));
        }
        if (MALFORMED.equals(currency)) {
            try {
                return new BigDecimal("n/a");
            } catch (NumberFormatException e) {
                throw failed(currency, e);
            }
        }
        BigDecimal rate = RATES.get(currency);
        if (rate == null) {
            throw new IOException("404 Not Found: no rate for " + currency);
        }
        return rate;
    }

    private void holdUntilReturned(String currency) {
        CountDownLatch latch = returned.get(currency);
        try {
            if (latch != null && !latch.await(Delays.between(HOLD_MIN, HOLD_MAX).toMillis(), TimeUnit.MILLISECONDS)) {
                long into = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - callStarts.get(currency));
                List<ThreadView> stack = callerStack();
                early.compareAndSet(null, new Early(currency, into, stack));
            }
            Thread.sleep(Delays.between(Duration.ofMillis(1), ANSWER_TIME).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The caller's stack; taken by hand when the lookup runs on the caller itself (a thread dump of itself). */
    private List<ThreadView> callerStack() {
        Thread waiting = caller;
        if (waiting == null) {
            return List.of();
        }
        if (waiting != Thread.currentThread()) {
            return ThreadViews.of(List.of(waiting.threadId()), names);
        }
        List<String> frames = new ArrayList<>();
        boolean inLookup = false;
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            inLookup |= frame.getMethodName().equals("fetchRate");
            if (inLookup && frames.size() < 12 && !frame.getClassName().contains("$$Lambda")) {
                frames.add(frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")");
            }
        }
        return List.of(new ThreadView(waiting.getName(), "RUNNABLE", null, null, List.of(), frames));
    }

    private <E extends Exception> E failed(String currency, E error) {
        failures.put(currency, new Failure(error, Thread.currentThread().getName(), System.nanoTime(), origin));
        return error;
    }

    static BigDecimal rateOf(String currency) {
        return RATES.get(currency);
    }

    int calls() {
        return calls.get();
    }

    boolean asked(String currency) {
        return asked.contains(currency);
    }

    /** The failure of that currency's lookup, or null if it did not fail (or was not asked). */
    Failure failure(String currency) {
        return failures.get(currency);
    }

    Early early() {
        return early.get();
    }

    /** The threads, not one of {@code poolThreads}, that asked the service. */
    List<String> askedOffPool(Set<String> poolThreads) {
        Set<String> off = new TreeSet<>(threads);
        off.removeAll(poolThreads);
        return List.copyOf(off);
    }
}
