package workbook.unsafehashmap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.HeldLocks;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * Four gateway threads register thousands of devices each into one fresh registry at the same moment, while a push
 * thread looks up devices already registered ({@link Connections}); afterwards every device must be found and
 * counted. Rounds repeat until the registry loses a device, or until the gateways have been seen registering truly
 * in parallel often enough that a plain {@code HashMap} would have lost some: only then is a whole registry a CLEAN.
 * Meanwhile the gateways are dumped as {@code jstack} would, every half millisecond ({@link HeldLocks}): a registry
 * behind one lock shows that one lock in most of the dumps where a gateway held any, held by each gateway in turn,
 * which its contract rules out (DOES NOT WORK).
 */
public final class UnsafeHashMap implements Pitfall<Devices> {

    static final int GATEWAYS = 4;
    static final int MIN_DEVICES = 20_000;
    static final int MAX_DEVICES = 40_000;
    static final int MIN_ROUNDS = 4;
    /** Moments of truly parallel registration after which a plain HashMap has always lost devices. */
    static final long ENOUGH_PARALLEL = 150;
    /** A lock seen held this often, and in this share of the times any lock was, is one lock for everything. */
    static final int MIN_TIMES_HELD = 5;
    /** Thread dumps of the gateways at work before a registry is judged; a round of registrations takes a few. */
    static final int MIN_DUMPS = 40;
    static final double ONE_LOCK_SHARE = 0.6;
    /** A round longer than this has a gateway stuck in the registry. */
    static final Duration ROUND_LIMIT = Duration.ofSeconds(2);
    static final int LOST_SHOWN = 4;

    @Override
    public String id() {
        return "unsafe-hashmap";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /**
     * Not shared: a broken trial now and then leaves gateways going round a broken tree bin for good (measured: 1 of
     * 111 trials in one JVM), and nothing can stop them, so each trial gets a JVM of its own.
     */
    @Override
    public boolean trialsShareJvm() {
        return false;
    }

    @Override
    public Class<DeviceRegistry> subject() {
        return DeviceRegistry.class;
    }

    /** It measures the machine's parallelism during the run ({@link Stress}). */
    @Override
    public boolean needsIdleCores() {
        return true;
    }

    @Override
    public Finding run(Class<? extends Devices> implementation, Trial trial) throws Exception {
        long registered = 0;
        long parallel = 0;
        HeldLocks locks = HeldLocks.forCallersOf(implementation, trial.lockNames());
        int round = 0;
        while (!trial.outOfTime() && (round < MIN_ROUNDS || parallel < ENOUGH_PARALLEL || locks.dumps() < MIN_DUMPS)) {
            round++;
            Devices registry = Subjects.create(implementation);
            Connections connections = new Connections(GATEWAYS, MIN_DEVICES, MAX_DEVICES);
            Duration limit = trial.remaining().compareTo(ROUND_LIMIT) < 0 ? trial.remaining() : ROUND_LIMIT;
            Connections.Outcome outcome = connections.run(registry, limit, locks);
            Finding failed = failedCalls(outcome, round, trial);
            if (failed != null) {
                return failed;
            }
            if (outcome.damaged()) {
                return damaged(outcome, round, trial);
            }
            registered += outcome.registered();
            parallel += outcome.stress().parallel();
            Optional<HeldLocks.Lock> one = locks.oneLock();
            if (locks.dumps() >= MIN_DUMPS && one.isPresent() && oneLockForAll(one.get())) {
                return tookTurns(registered, round, one.get(), locks, trial);
            }
        }
        if (round >= MIN_ROUNDS && parallel >= ENOUGH_PARALLEL && locks.dumps() >= MIN_DUMPS) {
            return trial.clean(String.format(Locale.ROOT,
                    "%d gateways registered %,d devices at once in %d rounds, seen registering in parallel %,d times"
                            + "; every device was found and counted, and no one lock held them up (%d thread dumps)",
                    GATEWAYS, registered, round, parallel, locks.dumps()),
                    new Count("devices found", registered, registered));
        }
        return trial.inconclusive(String.format(Locale.ROOT,
                "no device was lost, but in %,d ms the gateways were seen registering in parallel only %,d times in %d"
                        + " rounds (%,d needed, in at least %d rounds): this machine is too busy to tell",
                trial.elapsedMillis(), parallel, round, ENOUGH_PARALLEL, MIN_ROUNDS));
    }

    /** One lock held in most of the moments a gateway held any, by several gateways in turn. */
    private static boolean oneLockForAll(HeldLocks.Lock lock) {
        return lock.timesHeld() >= MIN_TIMES_HELD && lock.holders().size() > 1 && lock.share() >= ONE_LOCK_SHARE;
    }

    private static Finding tookTurns(long registered, int round, HeldLocks.Lock lock, HeldLocks locks, Trial trial) {
        return trial.notWorking(String.format(Locale.ROOT,
                "every one of %,d devices was found, but the gateways took turns: in %d thread dumps over %d rounds"
                        + " (a new registry each), a gateway held a lock %d times, and %d of them were the registry's"
                        + " one %s, held by %s in turn. The contract says registrations of different devices run in"
                        + " parallel; one lock around the whole registry makes them wait in line",
                registered, locks.dumps(), round, lock.ofHeld(), lock.timesHeld(), lock.type(),
                String.join(", ", new TreeSet<>(lock.holders()))),
                new Count("devices found", registered, registered),
                new Evidence.Threads("A gateway holding the registry's " + lock.type(), lock.seen()));
    }

    /** A gateway stuck in the registry, or a call that threw: the map's corruption, or the code's own failure. */
    private static Finding failedCalls(Connections.Outcome outcome, int round, Trial trial) {
        Stress.Result stress = outcome.stress();
        if (!stress.stuck().isEmpty()) {
            boolean spinning = stress.stuckThreads().stream().anyMatch(
                    view -> view.state().equals("RUNNABLE") && view.stack().stream().anyMatch(UnsafeHashMap::inMap));
            Evidence threads = new Evidence.Threads("Where they were stuck", stress.stuckThreads());
            String who = String.join(", ", stress.stuck());
            if (spinning) {
                return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                        "%s never returned from the registry: running, but going round inside a HashMap whose links"
                                + " two gateways broke at once (round %d)",
                        who, round), threads);
            }
            return trial.notWorking(who + " never returned from the registry", threads);
        }
        if (stress.failures().isEmpty() && outcome.pushFailed() == null) {
            return null;
        }
        Throwable first = stress.failures().isEmpty() ? outcome.pushFailed() : stress.failures().get(0);
        if (Arrays.stream(first.getStackTrace()).map(StackTraceElement::toString).anyMatch(UnsafeHashMap::inMap)) {
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "a call to the registry threw %s from inside the HashMap, which two gateways changed at"
                            + " once (round %d)",
                    first, round), new Evidence.Note("Where it was thrown:\n" + stack(first)));
        }
        return trial.notWorking("a call to the registry threw " + first,
                new Evidence.Note("Where it was thrown:\n" + stack(first)));
    }

    private static boolean inMap(String frame) {
        return frame.contains("java.util.HashMap");
    }

    private static String stack(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).limit(8).map(frame -> "    at " + frame)
                .collect(Collectors.joining("\n"));
    }

    private static Finding damaged(Connections.Outcome outcome, int round, Trial trial) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Count("devices found", outcome.registered(), outcome.found()));
        evidence.add(new Count("devices counted", outcome.registered(), outcome.counted()));
        if (!outcome.lost().isEmpty()) {
            evidence.add(new Evidence.Note("Registered, and then not found, for example:\n" + outcome.lost().stream()
                    .limit(LOST_SHOWN)
                    .map(lost -> String.format(Locale.ROOT, "    %-22s registered by %s, its %,d%s device",
                            lost.device().id(), lost.gateway(), lost.nth(), ordinal(lost.nth())))
                    .collect(Collectors.joining("\n"))));
        }
        if (outcome.miss() != null) {
            evidence.add(new Evidence.Note("While the gateways were registering, " + outcome.miss().describe() + "."));
        }
        evidence.add(new Evidence.Note(String.format(Locale.ROOT,
                "Seen on JDK %s: a HashMap changed by several threads at once loses entries and miscounts them;"
                        + " now and then it throws, or a thread goes round a broken tree bin for good.",
                Runtime.version().feature())));
        String counted = outcome.counted() == outcome.registered()
                ? ""
                : String.format(Locale.ROOT, ", and count() says %,d", outcome.counted());
        String summary = outcome.lost().isEmpty() && outcome.wrong() == 0
                ? String.format(Locale.ROOT,
                        "%d gateways registered %,d devices at once; every one is found afterwards%s, but %s (round %d)",
                        GATEWAYS, outcome.registered(), counted,
                        outcome.miss() == null
                                ? "the count is wrong"
                                : "a push during the registrations did not find one",
                        round)
                : String.format(Locale.ROOT,
                        "%d gateways registered %,d devices at once; %,d of them cannot be found%s (round %d)",
                        GATEWAYS, outcome.registered(), outcome.lost().size() + outcome.wrong(), counted, round);
        return trial.reproduced(FailureKind.RACE, summary, evidence.toArray(Evidence[]::new));
    }

    static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
