package workbook.lockordering;

import java.time.Duration;
import java.util.Locale;
import workbook.harness.DeadlockDetector;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.ProgressWatchdog;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * Two tellers move money between the same two accounts in opposite directions. The scenario watches their
 * progress; when it stops, it asks the JVM for the lock cycle. No deadlock is CLEAN only once the tellers have been
 * seen running truly in parallel often enough; rounds repeat until then, or the budget is spent (INCONCLUSIVE).
 */
public final class LockOrdering implements Pitfall<Transfers> {

    static final long TRANSFERS_PER_TELLER = 200_000;
    static final long OPENING_BALANCE = 1_000_000;
    /** Transfers take microseconds: this long without one is a stall. */
    static final Duration QUIET = Duration.ofMillis(200);
    /** Moments of truly parallel transfers after which opposite lock orders have always deadlocked. */
    static final long ENOUGH_PARALLEL = 500;

    @Override
    public String id() {
        return "lock-ordering";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DEADLOCK;
    }

    @Override
    public Class<AccountTransfers> subject() {
        return AccountTransfers.class;
    }

    @Override
    public Finding run(Class<? extends Transfers> implementation, Trial trial) throws Exception {
        long transfers = 0;
        long parallel = 0;
        int round = 0;
        while (!trial.outOfTime() && parallel < ENOUGH_PARALLEL) {
            round++;
            Round result = round(Subjects.create(implementation), trial);
            if (result.finding() != null) {
                return result.finding();
            }
            transfers += result.transfers();
            parallel += result.parallel();
        }
        if (parallel < ENOUGH_PARALLEL) {
            return trial.inconclusive(String.format(Locale.ROOT, "no deadlock in %,d transfers, but the tellers were "
                    + "seen running in parallel only %,d times (%,d needed): this machine is too busy to tell",
                    transfers, parallel, ENOUGH_PARALLEL));
        }
        return trial.clean(String.format(Locale.ROOT, "%,d transfers in opposite directions in %d rounds, the tellers "
                + "seen running in parallel %,d times; no deadlock, and the accounts still hold all the money",
                transfers, round, parallel), new Count("transfers", transfers, transfers));
    }

    /** One round: a finding when it is decided, else what was done. */
    private record Round(Finding finding, long transfers, long parallel) {
    }

    private Round round(Transfers transfers, Trial trial) throws Exception {
        Account a = new Account("A", OPENING_BALANCE);
        Account b = new Account("B", OPENING_BALANCE);
        trial.lockNames().name(a, "account A");
        trial.lockNames().name(b, "account B");

        // teller-1 pays from A to B, teller-2 from B to A.
        Stress tellers = Stress.start("teller", 2, TRANSFERS_PER_TELLER, trial.remaining(),
                (teller, i) -> transfers.transfer(teller == 0 ? a : b, teller == 0 ? b : a, 1));
        ProgressWatchdog.Watch watch = new ProgressWatchdog(tellers::progress, tellers::done).watch(QUIET,
                trial.remaining(), tellers.threadIds(), trial.lockNames());

        if (watch instanceof ProgressWatchdog.Stalled stalled) {
            String progress = String.format(Locale.ROOT, "after %,d transfers", stalled.progress());
            return new Round(DeadlockDetector.findCycle(trial.lockNames())
                    .map(cycle -> trial.reproduced(FailureKind.DEADLOCK,
                            "the tellers deadlocked " + progress + ": each holds the account the other needs", cycle))
                    .orElseGet(() -> trial.reproduced(FailureKind.HANG, "the tellers stopped " + progress + " for "
                            + QUIET.toMillis() + " ms, without a lock cycle",
                            new Evidence.Threads("The tellers", stalled.threads()))),
                    0, 0);
        }
        Stress.Result result = tellers.await(Duration.ofSeconds(1));
        if (!result.failures().isEmpty()) {
            return new Round(trial.notWorking("transfer() threw " + result.failures().get(0)), 0, 0);
        }
        long expected = 2 * TRANSFERS_PER_TELLER;
        if (result.total() < expected) {
            return new Round(trial.notWorking(String.format(Locale.ROOT,
                    "only %,d of %,d transfers done in %,d ms: the tellers kept moving but too slowly", result.total(),
                    expected, result.elapsedMillis())), 0, 0);
        }
        long money = a.balance() + b.balance();
        if (money != 2 * OPENING_BALANCE) {
            return new Round(trial.notWorking("money was created or destroyed: the accounts hold " + money,
                    new Count("money in both accounts", 2 * OPENING_BALANCE, money)), 0, 0);
        }
        return new Round(null, result.total(), result.parallel());
    }
}
