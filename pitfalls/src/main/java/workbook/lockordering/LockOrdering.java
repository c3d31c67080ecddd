package workbook.lockordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import workbook.harness.DeadlockDetector;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.ProgressWatchdog;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Two tellers move money between the same two accounts in opposite directions. The scenario watches their
 * progress; when it stops, it asks the JVM for the lock cycle. No deadlock is CLEAN only once the tellers have been
 * seen running truly in parallel often enough; rounds repeat until then, or the budget is spent (INCONCLUSIVE).
 * Every transfer is accounted for, per account and direction, so a fix that skips transfers is caught even when
 * the money adds up; and a teller must go on working while another teller, on unrelated accounts, is held up
 * inside a transfer: if it cannot, one lock serialises the whole bank.
 */
public final class LockOrdering implements Pitfall<Transfers> {

    static final long TRANSFERS_PER_TELLER = 200_000;
    static final long OPENING_BALANCE = 1_000_000;
    /** Transfers take microseconds: this long without one is a stall. */
    static final Duration QUIET = Duration.ofMillis(200);
    /** Moments of truly parallel transfers after which opposite lock orders have always deadlocked. */
    static final long ENOUGH_PARALLEL = 500;
    /** How long one withdrawal of an unrelated teller is held up: teller-1 makes thousands of transfers meanwhile. */
    static final Duration HELD_UP = Duration.ofMillis(100);
    /**
     * Fewer transfers than this by teller-1 while teller-2 is held up means it was waiting: a transfer already under
     * way when the hold began may still finish, a free teller makes thousands.
     */
    static final long FREE_TELLER = 10;
    /** How long the machine's own parallelism is measured. */
    static final Duration PROBE = Duration.ofMillis(20);

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

    /** It measures the machine's parallelism during the run ({@link Stress}). */
    @Override
    public boolean needsIdleCores() {
        return true;
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
            long machine = Stress.machineParallelism(2, PROBE);
            return trial.inconclusive(String.format(Locale.ROOT, "no deadlock in %,d transfers, but the tellers were "
                    + "seen running in parallel only %,d times (%,d needed), and threads doing nothing but count ran in"
                    + " parallel %,d times in %d ms: %s", transfers, parallel, ENOUGH_PARALLEL, machine,
                    PROBE.toMillis(), machine >= ENOUGH_PARALLEL
                            ? "the tellers took turns, though this machine runs threads in parallel"
                            : "this machine is too busy to tell"));
        }
        Finding unrelated = unrelatedAccounts(Subjects.create(implementation), trial);
        if (unrelated != null) {
            return unrelated;
        }
        return trial.clean(String.format(Locale.ROOT, "%,d transfers in opposite directions in %d %s, the tellers "
                + "seen running in parallel %,d times; no deadlock, every transfer made, and each account holds what "
                + "it should; and a teller kept working while another, on unrelated accounts, was held up",
                transfers, round, round == 1 ? "round" : "rounds", parallel),
                new Count("transfers", transfers, transfers));
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
        Finding books = books(trial, a, b, result.completed());
        return new Round(books, result.total(), result.parallel());
    }

    /**
     * Each account's statement against the calls made: teller-1 asked for A to B, teller-2 for B to A, one unit
     * each. A skipped transfer leaves the total right and the statements short.
     */
    private static Finding books(Trial trial, Account a, Account b, long[] asked) {
        long money = a.balance() + b.balance();
        List<Evidence> counts = new ArrayList<>(List.of(
                new Count("transfers from A to B (teller-1): withdrawals from A", asked[0], a.withdrawals()),
                new Count("transfers from A to B (teller-1): deposits to B", asked[0], b.deposits()),
                new Count("transfers from B to A (teller-2): withdrawals from B", asked[1], b.withdrawals()),
                new Count("transfers from B to A (teller-2): deposits to A", asked[1], a.deposits())));
        if (money != 2 * OPENING_BALANCE) {
            counts.add(0, new Count("money in both accounts", 2 * OPENING_BALANCE, money));
            return trial.notWorking(String.format(Locale.ROOT, "money was created or destroyed: the accounts hold %,d"
                    + " instead of %,d", money, 2 * OPENING_BALANCE),
                    counts.toArray(Evidence[]::new));
        }
        long made = Math.min(a.withdrawals(), b.deposits()) + Math.min(b.withdrawals(), a.deposits());
        long balanceA = OPENING_BALANCE - asked[0] + asked[1];
        if (made != asked[0] + asked[1] || a.balance() != balanceA || a.withdrawals() != b.deposits()
                || b.withdrawals() != a.deposits()) {
            counts.add(new Count("balance of A", balanceA, a.balance()));
            return trial.notWorking(String.format(Locale.ROOT, "transfer() returned %,d times but only %,d transfers"
                    + " were made: the money adds up, yet the accounts' statements are short, so transfers were"
                    + " skipped", asked[0] + asked[1], made), counts.toArray(Evidence[]::new));
        }
        return null;
    }

    /**
     * Two tellers on two unrelated pairs of accounts (A to B, C to D): nothing for them to wait for. One withdrawal
     * from C is held up for a moment, as a slow ledger write would be, while teller-2 holds whatever locks its
     * transfer took; teller-1 must go on moving money from A to B meanwhile. A fix that takes one lock for the whole
     * bank stops it.
     */
    private Finding unrelatedAccounts(Transfers transfers, Trial trial) throws Exception {
        CountDownLatch heldUp = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Account[] accounts = {new Account("A", OPENING_BALANCE), new Account("B", OPENING_BALANCE),
                new SlowAccount("C", OPENING_BALANCE, heldUp, released), new Account("D", OPENING_BALANCE)};
        for (Account account : accounts) {
            trial.lockNames().name(account, "account " + account.id());
        }
        AtomicLongArray done = new AtomicLongArray(2);
        Stress tellers = Stress.start("teller", 2, Long.MAX_VALUE, trial.remaining(), (teller, i) -> {
            transfers.transfer(accounts[2 * teller], accounts[2 * teller + 1], 1);
            done.lazySet(teller, i + 1);
        });
        try {
            if (!heldUp.await(trial.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
                return trial.notWorking("teller-2 never got to withdraw from account C");
            }
            long before = done.get(0);
            long end = System.nanoTime() + HELD_UP.toNanos();
            List<Evidence.ThreadView> teller1 = List.of();
            while (System.nanoTime() < end && done.get(0) - before < FREE_TELLER) {
                teller1 = ThreadViews.of(List.of(tellers.threadIds().get(0)), trial.lockNames());
                Thread.sleep(5);
            }
            long during = done.get(0) - before;
            if (during < FREE_TELLER) {
                return trial.notWorking(String.format(Locale.ROOT, "while teller-2's withdrawal from account C was held"
                        + " up for %d ms, teller-1 made %d transfers from A to B (thousands when free): it waited for a lock teller-2"
                        + " held, though the two share no account. One lock for the whole bank prevents the deadlock"
                        + " by letting one teller work at a time; lock the two accounts of each transfer instead, in"
                        + " one global order", HELD_UP.toMillis(), during),
                        new Evidence.Threads("teller-1, meanwhile", teller1));
            }
            return null;
        } finally {
            released.countDown();
            tellers.stop();
            tellers.await(Duration.ofSeconds(1));
        }
    }

    /** An account whose thousandth withdrawal is held up until the scenario lets it go: a slow ledger write. */
    private static final class SlowAccount extends Account {
        private final CountDownLatch heldUp;
        private final CountDownLatch released;
        private long calls;

        SlowAccount(String id, long balance, CountDownLatch heldUp, CountDownLatch released) {
            super(id, balance);
            this.heldUp = heldUp;
            this.released = released;
        }

        @Override
        public void withdraw(long amount) {
            if (++calls == 1_000) {
                heldUp.countDown();
                try {
                    released.await(HELD_UP.toMillis() * 4, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.withdraw(amount);
        }
    }
}
