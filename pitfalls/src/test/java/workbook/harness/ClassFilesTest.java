package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class ClassFilesTest {

    private static final String LOCKS = "java/util/concurrent/locks/";

    static class Plain {
        private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

        synchronized String get(String key) {
            return values.get(key);
        }
    }

    static class WithLock {
        private final ReentrantLock lock = new ReentrantLock();
    }

    /** The lock is only in an anonymous class inside it: still its own code. */
    static class LockInAnonymousClass {
        Runnable task() {
            return new Runnable() {
                private final ReentrantLock lock = new ReentrantLock();

                @Override
                public void run() {
                    lock.lock();
                    lock.unlock();
                }
            };
        }
    }

    static class Subclass extends WithLock {
    }

    @Test
    void findsWhatAClassItsNestedClassesAndItsSuperclassesName() {
        assertEquals(Optional.of(false), ClassFiles.mention(Plain.class, LOCKS));
        assertEquals(Optional.of(true), ClassFiles.mention(WithLock.class, LOCKS));
        assertEquals(Optional.of(true), ClassFiles.mention(LockInAnonymousClass.class, LOCKS));
        assertEquals(Optional.of(true), ClassFiles.mention(Subclass.class, LOCKS));
    }

    @Test
    void dumpsLookForJavaUtilConcurrentLocksOnlyForCodeThatUsesThem() {
        assertEquals(false, HeldLocks.forCallersOf(Plain.class, new LockNames()).seesSynchronizers());
        assertEquals(true, HeldLocks.forCallersOf(WithLock.class, new LockNames()).seesSynchronizers());
    }
}
