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
 * progress; when it stops, it asks the JVM for the lock cycle.
 */
public final class LockOrdering implements Pitfall<Transfers> {

    static final long TRANSFERS_PER_TELLER = 200_000;
    static final long OPENING_BALANCE = 1_000_000;
    /** Transfers take microseconds: this long without one is a stall. */
    static final Duration QUIET = Duration.ofMillis(200);

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
        Transfers transfers = Subjects.create(implementation);
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
            return DeadlockDetector.findCycle(trial.lockNames())
                    .map(cycle -> trial.reproduced(FailureKind.DEADLOCK,
                            "the tellers deadlocked " + progress + ": each holds the account the other needs", cycle))
                    .orElseGet(() -> trial.reproduced(FailureKind.HANG, "the tellers stopped " + progress
                            + " for " + QUIET.toMillis() + " ms, without a lock cycle",
                            new Evidence.Threads("The tellers", stalled.threads())));
        }
        Stress.Result result = tellers.await(Duration.ofSeconds(1));
        if (!result.failures().isEmpty()) {
            return trial.notWorking("transfer() threw " + result.failures().get(0));
        }
        long expected = 2 * TRANSFERS_PER_TELLER;
        if (result.total() < expected) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "only %,d of %,d transfers done in %,d ms: the tellers kept moving but too slowly", result.total(),
                    expected, result.elapsedMillis()));
        }
        long money = a.balance() + b.balance();
        if (money != 2 * OPENING_BALANCE) {
            return trial.notWorking("money was created or destroyed: the accounts hold " + money,
                    new Count("money in both accounts", 2 * OPENING_BALANCE, money));
        }
        return trial.clean(String.format(Locale.ROOT,
                "%,d transfers in opposite directions done in %,d ms; the accounts still hold all the money",
                result.total(), result.elapsedMillis()), new Count("transfers", expected, result.total()));
    }
}
