package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials in real child JVMs, driven by the test pitfalls registered in this module's test resources. */
class TrialLauncherTest {

    private final TrialLauncher launcher = new TrialLauncher();

    @Test
    void aVerdictComesBackFromTheTrialJvm() {
        Verdict verdict = launcher.run("test-finds-race", Variant.BROKEN, Duration.ofSeconds(2));

        assertEquals(Outcome.REPRODUCED, verdict.outcome(), verdict::toString);
        assertEquals(FailureKind.RACE, verdict.kind());
        assertEquals(new Evidence.Count("items", 10, 7), verdict.evidence().get(0));
        assertTrue(verdict.asExpected());
        assertTrue(verdict.timings().trialMillis() >= verdict.timings().scenarioMillis());
    }

    @Test
    void aBatchRunsEveryTrialInOneJvm() {
        List<Integer> progress = new CopyOnWriteArrayList<>();

        TrialLauncher.Batch batch = launcher.runBatch("test-shares-jvm", Variant.BROKEN, Duration.ofSeconds(2), 5,
                progress::add);

        assertNull(batch.stoppedEarly());
        assertEquals(5, batch.verdicts().size());
        assertEquals(1, batch.verdicts().stream().map(Verdict::summary).distinct().count(), batch::toString);
        assertTrue(batch.verdicts().get(0).summary().startsWith("ran in JVM "));
        assertEquals(5, progress.get(progress.size() - 1), progress::toString);
    }

    @Test
    void aBatchStopsAtTheFirstTrialThatLeavesAThreadBehind() {
        TrialLauncher.Batch batch = launcher.runBatch("test-leaves-thread", Variant.BROKEN, Duration.ofSeconds(2), 5,
                n -> {
                });

        assertEquals(1, batch.verdicts().size(), batch::toString);
        assertEquals(Outcome.REPRODUCED, batch.verdicts().get(0).outcome());
        assertTrue(batch.stoppedEarly().contains("trial 1 of 5 left the JVM unclean"), batch.stoppedEarly());
        assertTrue(batch.stoppedEarly().contains("parked-for-good"), batch.stoppedEarly());
    }

    @Test
    void learnersFixesTakeTheirTurnsInOneJvmEachLoadedFromItsFolder(@TempDir Path folders) throws Exception {
        List<Path> learners = List.of(announcer(folders.resolve("quiet"), ""),
                announcer(folders.resolve("still-broken"), "throw new IllegalStateException(\"mine\");"),
                announcer(folders.resolve("also-quiet"), ""));

        TrialLauncher.Batch batch = launcher.runLearners("test-runs-learners", learners, Duration.ofSeconds(2));

        assertNull(batch.stoppedEarly(), batch::toString);
        assertEquals(List.of(Outcome.CLEAN, Outcome.NOT_WORKING, Outcome.CLEAN),
                batch.verdicts().stream().map(Verdict::outcome).toList(), batch::toString);
        assertTrue(batch.verdicts().get(1).summary().contains("mine"), batch.verdicts().get(1)::summary);
        assertEquals(batch.verdicts().get(0).summary(), batch.verdicts().get(2).summary(), "the same JVM");
    }

    @Test
    void aLearnersFixThatEndsTheJvmCutsTheBatchShort(@TempDir Path folders) throws Exception {
        List<Path> learners = List.of(announcer(folders.resolve("quiet"), ""),
                announcer(folders.resolve("exits"), "System.exit(7);"),
                announcer(folders.resolve("never-run"), ""));

        TrialLauncher.Batch batch = launcher.runLearners("test-runs-learners", learners, Duration.ofSeconds(2));

        assertEquals(List.of(Outcome.CLEAN), batch.verdicts().stream().map(Verdict::outcome).toList(),
                batch::toString);
        assertTrue(batch.cutShort(), batch::toString);
        assertTrue(batch.stoppedEarly().contains("exited with code 7"), batch::stoppedEarly);
    }

    /** A learner's copy of the test pitfall's subject whose run() does {@code body}, compiled into {@code folder}. */
    private static Path announcer(Path folder, String body) throws Exception {
        Path source = folder.resolve("src").resolve("Announcer.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package workbook.testpitfalls;\npublic class Announcer implements Runnable {\n"
                + "    @Override public void run() { " + body + " }\n}\n");
        Path classes = Files.createDirectories(folder.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, "the learner's copy compiles");
        return classes;
    }

    @Test
    void aPitfallWhoseTrialsNeedAJvmEachGetsNoBatch() {
        TrialLauncher.Batch batch = launcher.runBatch("test-finds-race", Variant.BROKEN, Duration.ofSeconds(2), 5,
                n -> {
                });

        assertTrue(batch.verdicts().isEmpty());
        assertTrue(batch.stoppedEarly().contains("test-finds-race's trials each need a JVM of their own"),
                batch.stoppedEarly());
    }

    @Test
    void aCleanTrialThatLeavesAVirtualThreadBehindIsNotWorking() {
        Verdict verdict = launcher.run("test-clean-but-leaks-virtual", Variant.BROKEN, Duration.ofSeconds(2));

        assertEquals(Outcome.NOT_WORKING, verdict.outcome(), verdict::toString);
        assertTrue(verdict.summary().contains("1 thread it started was still alive"), verdict.summary());
        Evidence.Threads left = (Evidence.Threads) verdict.evidence().get(verdict.evidence().size() - 1);
        assertEquals("forgotten-virtual (virtual)", left.threads().get(0).name(), left::toString);
        assertTrue(left.threads().get(0).stack().stream().anyMatch(f -> f.contains("LockSupport.park")),
                left::toString);
    }

    @Test
    void aMonitorCycleOfVirtualThreadsIsFoundWithThreadAndLockNames() {
        // The JDK's thread dump says which monitor a virtual thread is blocked on from JDK 24.
        Assumptions.assumeTrue(Runtime.version().feature() >= 24, "needs JDK 24+");
        Verdict verdict = launcher.run("test-virtual-deadlock", Variant.BROKEN, Duration.ofSeconds(2));

        assertEquals(Outcome.REPRODUCED, verdict.outcome(), verdict::toString);
        Evidence.LockCycle cycle = (Evidence.LockCycle) verdict.evidence().get(0);
        assertEquals(List.of(new Evidence.LockEdge("first (virtual)", List.of("lock A"), "lock B", "second (virtual)"),
                new Evidence.LockEdge("second (virtual)", List.of("lock B"), "lock A", "first (virtual)")),
                cycle.edges());
    }

    @Test
    void codeUnderTestThatThrowsIsNotWorking() {
        Verdict verdict = launcher.run("test-subject-throws", Variant.BROKEN, Duration.ofSeconds(2));

        assertEquals(Outcome.NOT_WORKING, verdict.outcome(), verdict::toString);
        assertTrue(verdict.summary().contains("IllegalStateException: boom"), verdict.summary());
    }

    @Test
    void aScenarioThatNeverFinishesIsInconclusiveAfterItsBudgetAndWindUp() {
        Verdict verdict = launcher.run("test-stuck-scenario", Variant.BROKEN, Duration.ofMillis(200));

        assertEquals(Outcome.INCONCLUSIVE, verdict.outcome(), verdict::toString);
        assertTrue(verdict.summary().contains("did not finish within its budget"), verdict.summary());
        assertTrue(verdict.timings().trialMillis() < 200 + TrialLauncher.SLACK.toMillis());
    }

    @Test
    void codeUnderTestThatExitsTheJvmIsNotWorkingWithTheStatusTheCallAndItsOutput() {
        Verdict verdict = launcher.run("test-subject-exits", Variant.BROKEN, Duration.ofSeconds(2));

        assertEquals(Outcome.NOT_WORKING, verdict.outcome(), verdict::toString);
        assertTrue(verdict.summary().startsWith("the code under test ended the trial's JVM with exit status 7"),
                verdict.summary());
        Evidence.Threads where = (Evidence.Threads) verdict.evidence().get(0);
        assertTrue(where.threads().get(0).stack().stream().anyMatch(f -> f.contains("TestPitfalls$Exits.run")),
                where::toString);
        assertEquals("leaving now", verdict.output());
    }

    @Test
    void codeUnderTestThatHaltsTheJvmIsNotWorkingWithTheStatus() {
        Verdict verdict = launcher.run("test-subject-halts", Variant.BROKEN, Duration.ofSeconds(2));

        assertEquals(Outcome.NOT_WORKING, verdict.outcome(), verdict::toString);
        assertTrue(verdict.summary().startsWith("the code under test ended the trial's JVM with exit status 9"),
                verdict.summary());
        assertTrue(verdict.summary().contains("Runtime.halt"), verdict.summary());
    }

    @Test
    void aTrialThatFloodsItsOutputKeepsOnlyItsTailAndSaysHowMuchItPrinted() {
        Verdict verdict = launcher.run("test-floods-output", Variant.BROKEN, Duration.ofSeconds(3));

        assertEquals(Outcome.REPRODUCED, verdict.outcome(), verdict::toString);
        assertTrue(verdict.output().startsWith("[the trial printed "), verdict.output().substring(0, 80));
        assertTrue(verdict.output().endsWith("the last line"), () -> verdict.output()
                .substring(verdict.output().length() - 80));
        assertTrue(verdict.output().length() < 5_000, "kept " + verdict.output().length());
    }

    @Test
    void aStaticInitialiserThatNeverFinishesIsNotWorkingWithItsStack() {
        Verdict verdict = launcher.run("test-initialiser-blocks", Variant.BROKEN, Duration.ofSeconds(1));

        assertEquals(Outcome.NOT_WORKING, verdict.outcome(), verdict::toString);
        assertTrue(verdict.summary().startsWith("BlocksInInit's static initialiser never finished"),
                verdict.summary());
        Evidence.Threads where = (Evidence.Threads) verdict.evidence().get(0);
        assertTrue(where.threads().get(0).stack().stream().anyMatch(f -> f.contains("BlocksInInit.<clinit>")),
                where::toString);
    }

    @Test
    void aStaticInitialiserThatThrowsIsNotWorkingWithItsCause() {
        Verdict verdict = launcher.run("test-initialiser-throws", Variant.BROKEN, Duration.ofSeconds(1));

        assertEquals(Outcome.NOT_WORKING, verdict.outcome(), verdict::toString);
        assertEquals("ThrowsInInit's static initialiser threw java.lang.IllegalStateException: no configuration found",
                verdict.summary());
    }

    @Test
    void aHeldTrialJvmEndsWhenTheWorkbookThatHeldItIsKilled() throws Exception {
        Process workbook = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldsATrial.class.getName()).redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(workbook.getInputStream()))
                    .readLine();
            assertTrue(line != null && line.startsWith("held "), String.valueOf(line));
            ProcessHandle trial = ProcessHandle.of(Long.parseLong(line.substring(5))).orElseThrow();

            workbook.destroyForcibly(); // kill -9: no shutdown hook runs

            assertTrue(trial.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) != null);
            assertTrue(!trial.isAlive());
        } finally {
            workbook.descendants().forEach(ProcessHandle::destroyForcibly);
            workbook.destroyForcibly();
        }
    }

    /** A stand-in for the workbook that holds a trial JVM and waits. */
    public static final class HoldsATrial {
        public static void main(String[] args) throws InterruptedException {
            TrialLauncher.Held held = new TrialLauncher().hold("test-finds-race", Variant.BROKEN, null,
                    Duration.ofSeconds(2));
            System.out.println("held " + held.pid().orElseThrow());
            Thread.sleep(60_000);
        }
    }

    @Test
    void aTrialRunsInAScratchFolderOfItsOwnAndIsToldNothingOfTheWorkbooksPlaces() {
        Verdict verdict = launcher.run("test-tells-its-place", Variant.BROKEN, Duration.ofSeconds(2));

        String dir = verdict.summary().substring(4, verdict.summary().indexOf(" home="));
        assertTrue(Path.of(dir).getFileName().toString().startsWith("workbook-trial-"), verdict.summary());
        assertTrue(!Path.of(dir).toAbsolutePath().equals(Path.of("").toAbsolutePath()), verdict.summary());
        assertTrue(verdict.summary().contains(" home=null "), verdict.summary());
        assertTrue(verdict.summary().endsWith(" pwd=" + dir), verdict.summary());
    }

    @Test
    void aTrialThatRunsOutOfHeapSaysSo() {
        Verdict verdict = launcher.run("test-fills-heap", Variant.BROKEN, Duration.ofSeconds(5));

        assertEquals(Outcome.NOT_WORKING, verdict.outcome(), verdict::toString);
        assertTrue(verdict.summary().startsWith("the trial ran out of heap (Java heap space, at most"),
                verdict.summary());
    }

    @Test
    void aJvmThatNeverReportsIsKilledAtTheDeadline() {
        TrialLauncher impatient = new TrialLauncher(NeverEndingMain.class.getName(), Duration.ofMillis(800));
        long start = System.nanoTime();

        Verdict verdict = impatient.run("any", Variant.BROKEN, Duration.ofMillis(200));

        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(Outcome.INCONCLUSIVE, verdict.outcome());
        assertTrue(verdict.summary().contains("did not report within 1000 ms and was killed"), verdict.summary());
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    /** A trial JVM that hangs outside any scenario: only the launcher's deadline ends it. */
    public static final class NeverEndingMain {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
