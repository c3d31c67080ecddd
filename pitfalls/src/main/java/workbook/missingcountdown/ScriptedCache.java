package workbook.missingcountdown;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cache whose load takes a time drawn for the round and, for one cache of a failing round, ends by throwing: an
 * exception, as a backing store that refuses the connection would, or an error, as a client class that could not be
 * initialised does. It records every load: when, on which thread, how it ended.
 */
final class ScriptedCache implements Cache {

    private final String name;
    private final long loadNanos;
    private final Round.Failure failure;
    private final Round round;
    private final AtomicInteger loads = new AtomicInteger();
    private volatile long startedAt;
    private volatile long endedAt;
    private volatile String thread;
    private volatile Throwable thrown;

    ScriptedCache(String name, long loadMillis, Round.Failure failure, Round round) {
        this.name = name;
        this.loadNanos = TimeUnit.MILLISECONDS.toNanos(loadMillis);
        this.failure = failure;
        this.round = round;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void load() {
        loads.incrementAndGet();
        Thread current = Thread.currentThread();
        // A virtual thread, or a thread of the code under test's own, may have no name: say what it is.
        thread = !current.getName().isEmpty()
                ? current.getName()
                : current.isVirtual() ? "a virtual thread" : "an unnamed thread";
        startedAt = System.nanoTime();
        round.loadStarted();
        try {
            long end = startedAt + loadNanos;
            for (long left = loadNanos; left > 0; left = end - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
            switch (failure) {
                case EXCEPTION -> {
                    UncheckedIOException refused = new UncheckedIOException(name + ": cannot read the backing store",
                            new ConnectException("Connection refused"));
                    thrown = refused;
                    throw refused;
                }
                case ERROR -> {
                    NoClassDefFoundError broken = new NoClassDefFoundError(
                            "Could not initialize class com.acme.store.StoreClient (loading " + name + ")");
                    thrown = broken;
                    throw broken;
                }
                case NONE -> {
                }
            }
        } finally {
            endedAt = System.nanoTime();
            round.loadEnded();
        }
    }

    boolean fails() {
        return failure != Round.Failure.NONE;
    }

    int loads() {
        return loads.get();
    }

    boolean ended() {
        return endedAt != 0;
    }

    long startedAt() {
        return startedAt;
    }

    long endedAt() {
        return endedAt;
    }

    String thread() {
        return thread;
    }

    /** What this cache's load threw, the very exception; null if it did not. */
    Throwable thrown() {
        return thrown;
    }
}
