package workbook.testpitfalls;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/** Pitfalls for testing the harness itself; registered only in this module's test resources. */
public final class TestPitfalls {

    private TestPitfalls() {
    }

    /** Always reproduces: checks that a verdict makes the round trip from the trial JVM. */
    public static final class FindsRace extends Base {
        public FindsRace() {
            super("test-finds-race");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            return trial.reproduced(FailureKind.RACE, "lost 3 of 10", new Evidence.Count("items", 10, 7));
        }
    }

    /** Shares a JVM between trials, and says which JVM each trial ran in. */
    public static final class SharesJvm extends SharedJvm {
        public SharesJvm() {
            super("test-shares-jvm");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            return trial.reproduced(FailureKind.RACE, "ran in JVM " + ProcessHandle.current().pid());
        }
    }

    /** Shares a JVM; runs its subject ({@link Announcer}, or a learner's copy) and says which JVM it ran in. */
    public static final class RunsLearners extends SharedJvm {
        public RunsLearners() {
            super("test-runs-learners");
        }

        @Override
        public Class<? extends Runnable> subject() {
            return Announcer.class;
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Subjects.create(implementation).run();
            return trial.clean("ran in JVM " + ProcessHandle.current().pid());
        }
    }

    /** Says its trials share a JVM, but leaves a thread parked for good. */
    public static final class LeavesThread extends SharedJvm {
        public LeavesThread() {
            super("test-leaves-thread");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Thread parked = new Thread(LockSupport::park, "parked-for-good");
            parked.setDaemon(true);
            parked.start();
            return trial.reproduced(FailureKind.LEAK, "left a thread parked");
        }
    }

    /** Does the work, so says CLEAN, but leaves a virtual thread parked for good: the harness must see it. */
    public static final class CleanButLeaksVirtual extends Base {
        public CleanButLeaksVirtual() {
            super("test-clean-but-leaks-virtual");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Thread.ofVirtual().name("forgotten-virtual").start(LockSupport::park);
            return trial.clean("all 10 items done");
        }
    }

    /** Deadlocks two virtual threads on two monitors, for good (its JVM is killed), and reports the cycle found. */
    public static final class VirtualDeadlock extends Base {
        public VirtualDeadlock() {
            super("test-virtual-deadlock");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) throws InterruptedException {
            Object a = new Object();
            Object b = new Object();
            trial.lockNames().name(a, "lock A");
            trial.lockNames().name(b, "lock B");
            CountDownLatch bothHoldOne = new CountDownLatch(2);
            Thread.ofVirtual().name("first").start(() -> lockBoth(a, b, bothHoldOne));
            Thread.ofVirtual().name("second").start(() -> lockBoth(b, a, bothHoldOne));
            for (int i = 0; i < 200; i++) {
                var cycle = workbook.harness.DeadlockDetector.findCycle(trial.lockNames());
                if (cycle.isPresent()) {
                    return trial.reproduced(FailureKind.DEADLOCK, "virtual threads deadlocked", cycle.get());
                }
                Thread.sleep(10);
            }
            return trial.inconclusive("no cycle found");
        }

        private static void lockBoth(Object outer, Object inner, CountDownLatch bothHoldOne) {
            synchronized (outer) {
                bothHoldOne.countDown();
                try {
                    bothHoldOne.await();
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (inner) {
                    bothHoldOne.countDown();
                }
            }
        }
    }

    /** Its subject throws. */
    public static final class SubjectThrows extends Base {
        public SubjectThrows() {
            super("test-subject-throws");
        }

        @Override
        public Class<? extends Runnable> subject() {
            return Throws.class;
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Subjects.create(implementation).run();
            return trial.clean("unreachable");
        }
    }

    /** Its subject calls System.exit. */
    public static final class SubjectExits extends Base {
        public SubjectExits() {
            super("test-subject-exits");
        }

        @Override
        public Class<? extends Runnable> subject() {
            return Exits.class;
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Subjects.create(implementation).run();
            return trial.clean("unreachable");
        }
    }

    /** Its subject halts the JVM: no shutdown hook runs. */
    public static final class SubjectHalts extends Base {
        public SubjectHalts() {
            super("test-subject-halts");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Runtime.getRuntime().halt(9);
            return trial.clean("unreachable");
        }
    }

    /** Keeps everything it allocates until the heap is full. */
    public static final class FillsHeap extends Base {
        public FillsHeap() {
            super("test-fills-heap");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            java.util.List<long[]> kept = new java.util.ArrayList<>();
            while (kept.size() >= 0) {
                kept.add(new long[1 << 20]);
            }
            return trial.clean("unreachable: " + kept.size());
        }
    }

    /** Floods its output with 1 KB lines for a second, then reproduces. */
    public static final class FloodsOutput extends Base {
        public FloodsOutput() {
            super("test-floods-output");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            String line = "x".repeat(1023);
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                System.out.println(line);
            }
            System.out.println("the last line");
            return trial.reproduced(FailureKind.RACE, "flooded");
        }
    }

    /** Its subject's static initialiser never finishes. */
    public static final class InitialiserBlocks extends Base {
        public InitialiserBlocks() {
            super("test-initialiser-blocks");
        }

        @Override
        public Class<? extends Runnable> subject() {
            return BlocksInInit.class;
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Subjects.create(implementation).run();
            return trial.clean("unreachable");
        }
    }

    /** Its subject's static initialiser throws. */
    public static final class InitialiserThrows extends Base {
        public InitialiserThrows() {
            super("test-initialiser-throws");
        }

        @Override
        public Class<? extends Runnable> subject() {
            return ThrowsInInit.class;
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            Subjects.create(implementation).run();
            return trial.clean("unreachable");
        }
    }

    public static final class BlocksInInit implements Runnable {
        static {
            while (BlocksInInit.class != null) {
                LockSupport.park();
            }
        }

        @Override
        public void run() {
        }
    }

    public static final class ThrowsInInit implements Runnable {
        static {
            if (ThrowsInInit.class != null) {
                throw new IllegalStateException("no configuration found");
            }
        }

        @Override
        public void run() {
        }
    }

    /** Says where its trial runs and what it was told of the workbook. */
    public static final class TellsItsPlace extends Base {
        public TellsItsPlace() {
            super("test-tells-its-place");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) {
            return trial.reproduced(FailureKind.RACE, "dir=" + System.getProperty("user.dir") + " home="
                    + System.getenv("WORKBOOK_HOME") + " pwd=" + System.getenv("PWD"));
        }
    }

    /** Its scenario never returns. */
    public static final class StuckScenario extends Base {
        public StuckScenario() {
            super("test-stuck-scenario");
        }

        @Override
        public Finding run(Class<? extends Runnable> implementation, Trial trial) throws InterruptedException {
            new CountDownLatch(1).await();
            return trial.clean("unreachable");
        }
    }

    public static final class Throws implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("boom");
        }
    }

    public static final class Exits implements Runnable {
        @Override
        public void run() {
            System.out.println("leaving now");
            System.exit(7);
        }
    }

    /** A test pitfall whose trials say they may share a JVM. */
    abstract static class SharedJvm extends Base {
        SharedJvm(String id) {
            super(id);
        }

        @Override
        public boolean trialsShareJvm() {
            return true;
        }
    }

    abstract static class Base implements Pitfall<Runnable> {
        private final String id;

        Base(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public FailureKind kind() {
            return FailureKind.RACE;
        }

        @Override
        public Class<? extends Runnable> subject() {
            return Throws.class;
        }
    }
}
