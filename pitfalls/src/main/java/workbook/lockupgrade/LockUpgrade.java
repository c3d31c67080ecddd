package workbook.lockupgrade;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.ExclusiveLocks;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.HeldLocks;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.WaitingCallers;
import workbook.harness.Waits;

/**
 * Three steps, each on settings drawn for the trial. One request asks for a setting not loaded yet: a read lock
 * upgraded to the write lock parks it for good, seen {@link #QUIET} later with the lock it holds and the one it
 * waits for (no cycle of two threads: {@code findDeadlockedThreads} sees nothing). Then, on new caches, six requests
 * ask for a new setting while another request loads another one, and four requests ask for settings at random:
 * every setting must be loaded once and read right. Then four requests read loaded settings only, while the cache's
 * exclusive locks are looked at and the requests are dumped as {@code jstack} would: an exclusive lock held while
 * they only read, one lock that all of them take in turn, or readers seen waiting inside {@code get}, breaks the
 * contract.
 */
public final class LockUpgrade implements Pitfall<Settings> {

    static final int REQUESTS = 4;
    /**
     * Times requests ask for a new setting while another loads another one, on a new cache each time. When the load
     * is done they get in one after another, and a request that does not look again under the write lock loads the
     * setting again only if a second one found it missing before the first took the write lock: about one time in
     * six here. Up to 40 times, until it happens: a few milliseconds each.
     */
    static final int TOGETHER = 40;
    /** The requests that ask for the new setting meanwhile. */
    static final int WAITING = 6;
    /** A load takes at most 5 ms: a get that has not returned this much later waits for something else. */
    static final Duration QUIET = Duration.ofMillis(200);
    static final Duration STEP_LIMIT = Duration.ofSeconds(2);
    static final int CALLS_PER_REQUEST = 3_000;
    static final int MIN_DUMPS = 40;
    /** Readers seen waiting inside get in this share of the dumps take turns. */
    static final double WAITING_SHARE = 0.5;
    /** Between two dumps, the exclusive locks in the cache's fields are looked at for this long. */
    private static final Duration DUMP_EVERY = Duration.ofNanos(500_000);
    /**
     * An exclusive lock seen held in this share of the looks, while requests only read, is one they take in turn (a
     * write lock taken for every read is held about half the time). A right fix holds none then: nothing is loaded.
     */
    static final double EXCLUSIVE_SHARE = 0.01;
    /** Left of the trial's budget when the readers stop, for them to end and the verdict to be written. */
    private static final Duration READ_MARGIN = Duration.ofMillis(700);

    @Override
    public String id() {
        return "lock-upgrade";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DEADLOCK;
    }

    @Override
    public Class<CachedSettings> subject() {
        return CachedSettings.class;
    }

    @Override
    public Finding run(Class<? extends Settings> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        ScriptedSource source = new ScriptedSource(random);
        Settings settings = Subjects.create(implementation, source);
        List<String> keys = new ArrayList<>(ScriptedSource.KEYS);
        String first = keys.remove(random.nextInt(keys.size()));
        Finding finding = firstRequest(settings, source, first, trial);
        for (int i = 0; i < TOGETHER && finding == null; i++) {
            // A new cache and service each time: the two settings are missing again.
            ScriptedSource fresh = new ScriptedSource(random);
            List<String> two = new ArrayList<>(ScriptedSource.KEYS);
            finding = together(Subjects.create(implementation, fresh), fresh,
                    two.remove(random.nextInt(two.size())), two.remove(random.nextInt(two.size())), trial);
        }
        if (finding == null) {
            finding = manyRequests(settings, source, trial);
        }
        return finding != null ? finding : readersDoNotWait(implementation, settings, source, trial);
    }

    /** One request, one setting not loaded yet: the upgrade parks it for good. */
    private static Finding firstRequest(Settings settings, ScriptedSource source, String key, Trial trial)
            throws InterruptedException {
        AtomicReference<String> got = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread request = new Thread(() -> {
            try {
                got.set(settings.get(key));
            } catch (Throwable failure) {
                thrown.set(failure);
            }
        }, "request-1");
        request.setDaemon(true);
        request.start();
        request.join(QUIET.toMillis());
        if (request.isAlive()) {
            return stuck(settings, request, key, trial);
        }
        if (thrown.get() != null) {
            return trial.notWorking("get(\"" + key + "\") threw " + thrown.get());
        }
        return wrongValue(key, got.get(), source, trial);
    }

    /** The request has not returned: parked on a read-write lock whose read lock it holds, or elsewhere. */
    private static Finding stuck(Settings settings, Thread request, String key, Trial trial) {
        List<Evidence.ThreadView> view = ThreadViews.of(List.of(request.threadId()), trial.lockNames());
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        Evidence.Note detector = new Evidence.Note("ThreadMXBean.findDeadlockedThreads() (what jstack's deadlock"
                + " section and JConsole's \"Detect Deadlock\" ask): " + (deadlocked == null
                        ? "no deadlock. It looks for cycles of threads that own locks, and a read lock has no"
                                + " owner: jstack -l lists it under no thread's \"Locked ownable synchronizers\""
                        : deadlocked.length + " threads"));
        Optional<String> upgrade = upgradeLock(settings, request);
        String state = view.isEmpty() ? "gone" : view.get(0).state();
        if (upgrade.isPresent()) {
            return trial.reproduced(FailureKind.DEADLOCK, String.format(Locale.ROOT, "request-1 has waited in"
                    + " get(\"%s\") for %d ms, and will for good: it wants the write lock of %s while it holds that"
                    + " lock's read lock itself, and no other thread is reading. A write lock waits until every read"
                    + " lock is let go, this thread's own included: a ReentrantReadWriteLock never upgrades a read"
                    + " lock", key, QUIET.toMillis(), upgrade.get()),
                    new Evidence.Threads("request-1, alone, " + state.toLowerCase(Locale.ROOT), view), detector);
        }
        if (state.equals("WAITING") || state.equals("BLOCKED")) {
            return trial.reproduced(FailureKind.DEADLOCK, String.format(Locale.ROOT, "request-1 has waited in"
                    + " get(\"%s\") for %d ms, alone: no other thread holds anything, so it waits for a lock it"
                    + " holds itself (a load takes at most 5 ms)", key, QUIET.toMillis()),
                    new Evidence.Threads("request-1, alone, " + state.toLowerCase(Locale.ROOT), view), detector);
        }
        return trial.notWorking(String.format(Locale.ROOT, "get(\"%s\") did not return within %d ms, alone (a load"
                + " takes at most 5 ms)", key, QUIET.toMillis()), new Evidence.Threads("request-1", view));
    }

    /** The read-write lock of the settings that the request waits for while it holds a read lock of it. */
    private static Optional<String> upgradeLock(Settings settings, Thread request) {
        for (Class<?> type = settings.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!ReentrantReadWriteLock.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    ReentrantReadWriteLock lock = (ReentrantReadWriteLock) field.get(settings);
                    if (lock != null && lock.hasQueuedThread(request) && lock.getReadLockCount() > 0
                            && !lock.isWriteLocked()) {
                        return Optional.of(type.getSimpleName() + "." + field.getName() + " (read holds: "
                                + lock.getReadLockCount() + ")");
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Not readable: the generic verdict says what can be seen.
                }
            }
        }
        return Optional.empty();
    }

    /**
     * While one request loads a setting, held in its load, three others ask for another new one and wait; they get
     * in together when the load is done, all find their setting missing, and then take the write lock in turn: the
     * second and third must look again, or load it again.
     */
    private static Finding together(Settings settings, ScriptedSource source, String loading, String key,
            Trial trial) throws Exception {
        AtomicReference<Stress> others = new AtomicReference<>();
        source.holdFirstLoad(loading, () -> others.get() != null && allWaiting(others.get()));
        Stress first = Stress.start("request", 1, 1, STEP_LIMIT, (request, i) -> settings.get(loading));
        Waits.until(() -> source.loads(loading) > 0 || first.done(), STEP_LIMIT);
        String[] got = new String[WAITING];
        Stress requests = Stress.start("request", WAITING, 1, STEP_LIMIT,
                (request, i) -> got[request] = settings.get(key));
        others.set(requests);
        Finding failed = failed(first.await(Duration.ofSeconds(1)), "get(\"" + loading + "\")", trial);
        if (failed == null) {
            failed = failed(requests.await(Duration.ofSeconds(1)), "get(\"" + key + "\")", trial);
        }
        if (failed != null) {
            return failed;
        }
        if (source.loads(key) > 1) {
            return trial.notWorking(String.format(Locale.ROOT, "%d requests asked for \"%s\" while another request"
                    + " was loading \"%s\", and it was loaded %d times: all of them found it missing, and each took the"
                    + " write lock in turn and loaded it, though the first had loaded it meanwhile. The contract says"
                    + " once: look again once you hold the write lock", WAITING, key, loading, source.loads(key)),
                    new Count("loads of \"" + key + "\"", 1, source.loads(key)));
        }
        for (String value : got) {
            Finding wrong = wrongValue(key, value, source, trial);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    /** Every one of these requests is parked or blocked: waiting inside get. */
    private static boolean allWaiting(Stress requests) {
        for (ThreadInfo info : ManagementFactory.getThreadMXBean()
                .getThreadInfo(requests.threadIds().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null || info.getThreadState() == Thread.State.RUNNABLE) {
                return false;
            }
        }
        return true;
    }

    /** Four requests ask for settings at random: each loaded once, each read right. */
    private static Finding manyRequests(Settings settings, ScriptedSource source, Trial trial) throws Exception {
        List<String> keys = ScriptedSource.KEYS;
        AtomicReference<String> wrong = new AtomicReference<>();
        Stress requests = Stress.start("request", REQUESTS, CALLS_PER_REQUEST, STEP_LIMIT, (request, i) -> {
            String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
            String value = settings.get(key);
            if (!source.valueOf(key).equals(value)) {
                wrong.compareAndSet(null, "get(\"" + key + "\") returned " + quoted(value) + " instead of "
                        + quoted(source.valueOf(key)));
            }
        });
        Stress.Result result = requests.await(Duration.ofSeconds(1));
        Finding failed = failed(result, "get", trial);
        if (failed != null) {
            return failed;
        }
        if (wrong.get() != null) {
            return trial.notWorking(wrong.get());
        }
        String twice = source.loadedTwice();
        if (twice != null) {
            return trial.notWorking(String.format(Locale.ROOT, "\"%s\" was loaded %d times by %d requests asking for"
                    + " settings at random: the contract says each setting is loaded once", twice,
                    source.loads(twice), REQUESTS), new Count("loads of \"" + twice + "\"", 1, source.loads(twice)));
        }
        if (result.total() < (long) REQUESTS * CALLS_PER_REQUEST) {
            return trial.inconclusive(String.format(Locale.ROOT, "only %,d of %,d reads done in %,d ms: this machine"
                    + " is too busy to tell", result.total(), (long) REQUESTS * CALLS_PER_REQUEST,
                    STEP_LIMIT.toMillis()));
        }
        return null;
    }

    /**
     * Every setting is loaded: the requests only read, while they are dumped. A lock they all take in turn, or
     * requests seen waiting inside get, means readers wait for each other.
     */
    private static Finding readersDoNotWait(Class<? extends Settings> implementation, Settings settings,
            ScriptedSource source, Trial trial) throws Exception {
        for (String key : ScriptedSource.KEYS) {
            settings.get(key);
        }
        int loads = source.totalLoads();
        HeldLocks locks = HeldLocks.forCallersOf(implementation, trial.lockNames());
        ExclusiveLocks exclusive = ExclusiveLocks.of(settings);
        WaitingCallers waits = new WaitingCallers(implementation, trial.lockNames());
        List<String> keys = ScriptedSource.KEYS;
        // They read until the dumps are taken: a busy machine can starve the dumping thread for seconds.
        Duration readFor = trial.remaining().minus(READ_MARGIN);
        if (readFor.compareTo(STEP_LIMIT) < 0) {
            readFor = STEP_LIMIT;
        }
        Stress readers = Stress.start("request", REQUESTS, Long.MAX_VALUE, readFor,
                (request, i) -> settings.get(keys.get((int) ((i * 7 + request) % keys.size()))));
        while (!readers.done() && locks.dumps() < MIN_DUMPS) {
            waits.tally(locks.sample(readers.threadIds()));
            exclusive.watch(DUMP_EVERY);
        }
        readers.stop();
        Stress.Result result = readers.await(Duration.ofSeconds(1));
        locks.endRound();
        Finding failed = failed(result, "get", trial);
        if (failed != null) {
            return failed;
        }
        if (locks.dumps() < MIN_DUMPS) {
            return trial.inconclusive("the readers ended before " + MIN_DUMPS + " thread dumps were taken");
        }
        Optional<ExclusiveLocks.Watched> exclusiveHeld = exclusive.mostHeld();
        if (exclusiveHeld.isPresent() && exclusiveHeld.get().heldLooks() >= EXCLUSIVE_SHARE * exclusive.looks()) {
            ExclusiveLocks.Watched lock = exclusiveHeld.get();
            return trial.notWorking(String.format(Locale.ROOT, "with every setting loaded, %d requests only read,"
                    + " and took turns: %s was held in %,d of %,d looks at it while they read (%.0f%%), and only"
                    + " one thread can hold it. The contract says readers never wait for each other", REQUESTS,
                    lock.name(), lock.heldLooks(), exclusive.looks(), 100.0 * lock.heldLooks() / exclusive.looks()),
                    new Count("looks that found " + lock.name() + " held while requests only read", 0,
                            lock.heldLooks()));
        }
        Optional<HeldLocks.Lock> one = locks.oneLock();
        if (one.isPresent() && one.get().heldInTurn(locks.dumps())) {
            HeldLocks.Lock lock = one.get();
            return trial.notWorking(String.format(Locale.ROOT, "with every setting loaded, %d requests only read,"
                    + " and took turns: in %d thread dumps, one %s was held %d times, by %s in turn. The contract"
                    + " says readers never wait for each other", REQUESTS, locks.dumps(), lock.type(),
                    lock.timesHeld(), String.join(", ", new TreeSet<>(lock.holders()))),
                    new Evidence.Threads("A request holding the " + lock.type(), lock.seen()));
        }
        if (waits.waiting() >= WAITING_SHARE * waits.dumps()) {
            Evidence.ThreadView first = waits.first();
            return trial.notWorking(String.format(Locale.ROOT, "with every setting loaded, %d requests only read,"
                    + " and took turns: in %d of %d thread dumps a request was waiting inside get (%s%s). The"
                    + " contract says readers never wait for each other", REQUESTS, waits.waiting(), waits.dumps(),
                    first.state(), first.waitingOn() == null ? "" : ", on " + first.waitingOn()),
                    new Evidence.Threads("A request waiting inside get", List.of(first)));
        }
        if (source.totalLoads() != loads) {
            return trial.notWorking(String.format(Locale.ROOT, "with every setting loaded, reading them loaded %d"
                    + " more: the contract says a loaded setting is returned from memory",
                    source.totalLoads() - loads));
        }
        return trial.clean(String.format(Locale.ROOT, "a first get() loaded its setting and returned; %d requests"
                + " asking for a new setting while another loaded, on %d new caches, got it loaded once; %,d reads of %d settings at random"
                + " loaded each once and read each right; and %,d reads of loaded settings ran without an exclusive"
                + " lock held, one lock for all or a reader waiting (%,d looks at the cache's locks, %d thread dumps)",
                WAITING, TOGETHER, (long) REQUESTS * CALLS_PER_REQUEST, ScriptedSource.KEYS.size(), result.total(),
                exclusive.looks(), locks.dumps()),
                new Count("settings loaded, each once", ScriptedSource.KEYS.size(), ScriptedSource.KEYS.size()));
    }

    /** Requests that threw or never returned. */
    private static Finding failed(Stress.Result result, String call, Trial trial) {
        if (!result.stuck().isEmpty()) {
            return trial.reproduced(FailureKind.HANG, String.join(", ", result.stuck()) + " never returned from "
                    + call + " (a load takes at most 5 ms)",
                    new Evidence.Threads("Where they were stuck", result.stuckThreads()));
        }
        if (!result.failures().isEmpty()) {
            return trial.notWorking(call + " threw " + result.failures().get(0));
        }
        return null;
    }

    private static Finding wrongValue(String key, String got, ScriptedSource source, Trial trial) {
        if (source.valueOf(key).equals(got)) {
            return null;
        }
        return trial.notWorking("get(\"" + key + "\") returned " + quoted(got) + " instead of "
                + quoted(source.valueOf(key)));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
