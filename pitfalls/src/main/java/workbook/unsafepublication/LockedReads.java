package workbook.unsafepublication;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import workbook.harness.Evidence;
import workbook.harness.LockNames;
import workbook.harness.ThreadViews;

/**
 * Whether a read of loaded settings takes a lock: this thread holds, in turn, every lock the holder could take (its
 * own monitor, its class's, and each object or lock in its fields) while another thread reads the settings. A read
 * that needs the held lock is seen blocked or parked in the holder's code, as {@code jstack} would show it. Decided
 * by that thread state, not by a time: a read that is merely slow on a busy machine is waited for.
 */
final class LockedReads {

    /** What a read that locks was seen doing, and which lock it wanted. */
    record Blocked(String lock, Evidence.ThreadView reader) {
    }

    /** The locks held in turn, described, and the read that waited for one of them, if any did. */
    record Probe(List<String> locksHeld, Optional<Blocked> blocked) {
    }

    private static final long CHECK_NANOS = 1_000_000;

    private LockedReads() {
    }

    static Probe probe(SettingsHolder holder, Duration limit, LockNames names) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> held = new ArrayList<>();
        for (Map.Entry<Object, String> candidate : candidates(holder).entrySet()) {
            held.add(candidate.getValue());
            List<Thread> reader = new ArrayList<>(1);
            Optional<Blocked> blocked = whileHeld(candidate.getKey(), () -> read(holder, candidate.getValue(),
                    deadline, names, reader));
            // Released: a read that waited goes on and ends now; none is left behind the trial.
            for (Thread thread : reader) {
                thread.join(Duration.ofSeconds(1));
            }
            if (blocked.isPresent()) {
                return new Probe(held, blocked);
            }
        }
        return new Probe(held, Optional.empty());
    }

    /** The holder, its class, and what its fields (instance and static) refer to, each named for the learner. */
    private static Map<Object, String> candidates(SettingsHolder holder) throws IllegalAccessException {
        Map<Object, String> found = new IdentityHashMap<>();
        String name = holder.getClass().getSimpleName();
        found.put(holder, name + "'s own monitor (synchronized, or synchronized (this))");
        found.put(holder.getClass(), "the monitor of " + name + ".class");
        for (Class<?> type = holder.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(Modifier.isStatic(field.getModifiers()) ? null : holder);
                if (value != null && !(value instanceof String)) {
                    boolean lock = value instanceof Lock || value instanceof ReadWriteLock
                            || value instanceof StampedLock;
                    found.putIfAbsent(value, (lock ? "the lock in field " : "the monitor of the object in field ")
                            + type.getSimpleName() + "." + field.getName());
                }
            }
        }
        return found;
    }

    @FunctionalInterface
    private interface Held {
        Optional<Blocked> run() throws Exception;
    }

    private static Optional<Blocked> whileHeld(Object lock, Held body) throws Exception {
        if (lock instanceof Lock plain) {
            plain.lock();
            try {
                return body.run();
            } finally {
                plain.unlock();
            }
        }
        if (lock instanceof ReadWriteLock readWrite) {
            return whileHeld(readWrite.writeLock(), body);
        }
        if (lock instanceof StampedLock stamped) {
            long stamp = stamped.writeLock();
            try {
                return body.run();
            } finally {
                stamped.unlockWrite(stamp);
            }
        }
        synchronized (lock) {
            return body.run();
        }
    }

    /** One read on a thread of its own, while this thread holds the lock: returned, or seen waiting for it. */
    private static Optional<Blocked> read(SettingsHolder holder, String lock, long deadline, LockNames names,
            List<Thread> started) throws InterruptedException {
        Thread reader = new Thread(holder::settings, "request-1");
        reader.setDaemon(true);
        started.add(reader);
        reader.start();
        String subject = holder.getClass().getName();
        while (reader.isAlive() && System.nanoTime() < deadline) {
            reader.join(Duration.ofNanos(CHECK_NANOS));
            Thread.State state = reader.getState();
            if (state == Thread.State.BLOCKED || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING) {
                List<Evidence.ThreadView> seen = ThreadViews.of(List.of(reader.threadId()), names);
                boolean inSubject = seen.stream().flatMap(view -> view.stack().stream())
                        .anyMatch(frame -> frame.startsWith(subject + ".") || frame.startsWith(subject + "$"));
                if (inSubject && !seen.isEmpty()) {
                    return Optional.of(new Blocked(lock, seen.get(0)));
                }
            }
        }
        return Optional.empty();
    }
}
