package workbook.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BooleanSupplier;

/**
 * The exclusive locks an object keeps in its fields (a write lock, a {@code ReentrantLock}), looked at again and again
 * without stopping anyone, while its callers work. A thread dump stops every thread at a safepoint, often just
 * outside a short critical section, and can miss a lock held a third of the time; a look at the lock's state is a
 * volatile read, a million of them a second. Used where callers only read: an exclusive lock held then is one they
 * take in turn.
 */
public final class ExclusiveLocks {

    /** One lock, and how often it was seen held. */
    public static final class Watched {
        private final String name;
        private final BooleanSupplier held;
        private long heldLooks;

        private Watched(String name, BooleanSupplier held) {
            this.name = name;
            this.held = held;
        }

        /** As a reader finds it in the code, e.g. "the write lock of CachedSettings.lock". */
        public String name() {
            return name;
        }

        public long heldLooks() {
            return heldLooks;
        }
    }

    private final List<Watched> locks;
    private long looks;

    private ExclusiveLocks(List<Watched> locks) {
        this.locks = locks;
    }

    /** The exclusive locks in the fields of {@code subject}'s class and superclasses; fields not readable are left out. */
    public static ExclusiveLocks of(Object subject) {
        List<Watched> found = new ArrayList<>();
        for (Class<?> type = subject.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                String where = type.getSimpleName() + "." + field.getName();
                try {
                    field.setAccessible(true);
                    Object value = Modifier.isStatic(field.getModifiers())
                            ? field.get(null)
                            : field.get(subject);
                    if (value instanceof ReentrantReadWriteLock lock) {
                        found.add(new Watched("the write lock of " + where, lock::isWriteLocked));
                    } else if (value instanceof ReentrantLock lock) {
                        found.add(new Watched(where + " (a ReentrantLock)", lock::isLocked));
                    } else if (value instanceof StampedLock lock) {
                        found.add(new Watched("the write lock of " + where + " (a StampedLock)", lock::isWriteLocked));
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Not readable (a module's private field): the thread dumps still see what it guards.
                }
            }
        }
        return new ExclusiveLocks(List.copyOf(found));
    }

    /** Looks at every lock, again and again, for this long (busy: this thread keeps a core). */
    public void watch(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        do {
            looks++;
            for (Watched lock : locks) {
                if (lock.held.getAsBoolean()) {
                    lock.heldLooks++;
                }
            }
        } while (System.nanoTime() < end);
    }

    /** How many times each lock was looked at. */
    public long looks() {
        return looks;
    }

    /** The lock seen held most often, if any was seen held. */
    public Optional<Watched> mostHeld() {
        return locks.stream().filter(lock -> lock.heldLooks > 0).max(Comparator.comparingLong(Watched::heldLooks));
    }
}
