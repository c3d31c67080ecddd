package workbook.nevercompletedfuture;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.LockNames;
import workbook.harness.ThreadViews;

/** The request thread: asks for each rate and waits for it, as a real caller would, but with a bound. */
final class Caller implements Runnable {

    /** The future the caller waits on, and the currency it asked for. */
    record Pending(String currency, CompletableFuture<BigDecimal> future) {
    }

    /** What one lookup gave the caller. */
    record Answer(BigDecimal value, Throwable error, long waitedMillis) {
    }

    private final RateLookup lookup;
    private final RateService service;
    private final List<String> order;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Long> returnedMillis = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Thread thread;
    private volatile String inRate;
    private volatile Pending pending;
    private volatile String threw;
    private volatile boolean finished;

    Caller(RateLookup lookup, RateService service, List<String> order) {
        this.lookup = lookup;
        this.service = service;
        this.order = List.copyOf(order);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            for (String currency : order) {
                CompletableFuture<BigDecimal> rate = call(currency);
                if (rate == null) {
                    return;
                }
                pending = new Pending(currency, rate);
                long start = System.nanoTime();
                BigDecimal value = null;
                Throwable error = null;
                try {
                    value = rate.get(NeverCompletedFuture.CALLER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException | CancellationException e) {
                    error = e;
                }
                answers.put(currency, new Answer(value, error, millisSince(start)));
                answered.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished = true;
        }
    }

    /** Calls rate(currency), timing how long it kept the caller; null (and why, in threw) if it gave no future. */
    private CompletableFuture<BigDecimal> call(String currency) {
        service.calling(currency);
        inRate = currency;
        long start = System.nanoTime();
        try {
            CompletableFuture<BigDecimal> rate = lookup.rate(currency);
            if (rate == null) {
                threw = "rate(\"" + currency + "\") returned null instead of a future";
            }
            return rate;
        } catch (RuntimeException | Error e) {
            threw = "rate(\"" + currency + "\") threw " + e;
            return null;
        } finally {
            returnedMillis.put(currency, millisSince(start));
            inRate = null;
            service.returned(currency);
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    List<String> order() {
        return order;
    }

    int answered() {
        return answered.get();
    }

    boolean finished() {
        return finished;
    }

    Pending pending() {
        return pending;
    }

    /** The currency whose rate() call has not returned yet, or null. */
    String inRate() {
        return inRate;
    }

    /** How long rate(currency) kept the caller, or -1 if it has not returned. */
    long returnedMillis(String currency) {
        return returnedMillis.getOrDefault(currency, -1L);
    }

    String threw() {
        return threw;
    }

    Answer answer(String currency) {
        return answers.get(currency);
    }

    List<ThreadView> stack(LockNames names) {
        Thread t = thread;
        return t == null ? List.of() : ThreadViews.of(List.of(t.threadId()), names);
    }
}
