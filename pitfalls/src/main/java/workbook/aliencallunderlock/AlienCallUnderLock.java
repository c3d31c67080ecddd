package workbook.aliencallunderlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import workbook.harness.DeadlockDetector;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Lockstep;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Two listeners, in a drawn order: the reorder desk ({@link ReorderDesk}), which notes changes under its own lock,
 * and the audit log ({@link Audit}), which reads the level back. A sale ({@code sales}) and a delivery booked by the
 * desk's restock job ({@code restock}, holding the desk's lock) happen at once: a stock that tells its listeners
 * while holding its own lock makes the cycle stock, desk, stock. Then two threads deliver one unit at a time, tens
 * of thousands of times in lockstep ({@link Lockstep}: each delivery starts as the other thread starts its own, so
 * that a read-add-write that is not atomic overlaps another, whatever else the machine runs), to check that no change
 * is lost or told twice, each told on the thread that made it.
 */
public final class AlienCallUnderLock implements Pitfall<Stock> {

    static final Duration PATIENCE = Duration.ofSeconds(2);
    static final Duration CYCLE_CHECKS_FROM = Duration.ofMillis(20);
    static final List<String> SKUS = List.of("boots-42", "tent-2p", "stove-gas", "lamp-led", "rope-30m", "mat-foam");
    static final int ADJUSTERS = 2;
    static final long DELIVERIES_PER_ADJUSTER = 50_000;
    static final int MIN_ROUNDS = 2;
    static final int MAX_ROUNDS = 8;
    /** Deliveries started together after which an adjust that is not atomic has always lost changes. */
    static final long ENOUGH_TOGETHER = 60_000;

    @Override
    public String id() {
        return "alien-call-under-lock";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DEADLOCK;
    }

    /** Deadlocked threads cannot be freed: each trial gets a JVM of its own. */
    @Override
    public boolean trialsShareJvm() {
        return false;
    }

    /** The busy round needs the adjusting threads truly running at once, which a busy machine does not allow. */
    @Override
    public boolean needsIdleCores() {
        return true;
    }

    @Override
    public Class<StockLevels> subject() {
        return StockLevels.class;
    }

    @Override
    public Finding run(Class<? extends Stock> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        Finding finding = saleAndDelivery(implementation, random, trial);
        if (finding != null) {
            return finding;
        }
        return busy(implementation, random, trial);
    }

    private static Finding saleAndDelivery(Class<? extends Stock> implementation, SplittableRandom random,
            Trial trial) throws InterruptedException {
        Stock stock = Subjects.create(implementation);
        List<String> skus = new ArrayList<>(SKUS);
        String sold = skus.remove(random.nextInt(skus.size()));
        String delivered = skus.remove(random.nextInt(skus.size()));
        int soldFrom = random.nextInt(20, 61);
        int deliveredFrom = random.nextInt(0, 11);
        stock.adjust(sold, soldFrom);
        stock.adjust(delivered, deliveredFrom);
        ReorderDesk desk = new ReorderDesk();
        Audit audit = new Audit(stock);
        boolean deskFirst = random.nextBoolean();
        stock.addListener(deskFirst ? desk : audit);
        stock.addListener(deskFirst ? audit : desk);
        int sale = random.nextInt(1, 6);
        int delivery = random.nextInt(10, 51);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread sales = new Thread(() -> {
            try {
                desk.awaitDeskHeld();
                stock.adjust(sold, -sale);
            } catch (Throwable failure) {
                thrown.compareAndSet(null, failure);
            }
        }, "sales");
        Thread restock = new Thread(() -> {
            try {
                desk.restock(stock, delivered, delivery, sales);
            } catch (Throwable failure) {
                thrown.compareAndSet(null, failure);
            }
        }, "restock");
        sales.setDaemon(true);
        restock.setDaemon(true);
        sales.start();
        restock.start();
        long start = System.nanoTime();
        long end = start + Math.min(PATIENCE.toNanos(), Math.max(0, trial.remaining().toNanos()));
        Optional<Evidence.LockCycle> cycle = Optional.empty();
        while ((sales.isAlive() || restock.isAlive()) && System.nanoTime() < end) {
            // A cycle of monitors is for good the moment ThreadMXBean sees it: no need to wait for it.
            if (System.nanoTime() - start > CYCLE_CHECKS_FROM.toNanos()) {
                cycle = DeadlockDetector.findCycle(trial.lockNames());
                if (cycle.isPresent()) {
                    return deadlocked(cycle.get(), trial);
                }
            }
            Thread.sleep(1);
        }
        if (sales.isAlive() || restock.isAlive()) {
            return trial.notWorking(String.format(Locale.ROOT, "a sale and a delivery did not end within %,d ms (each"
                    + " takes microseconds)", PATIENCE.toMillis()),
                    new Evidence.Threads("Where they were", ThreadViews.of(
                            List.of(sales.threadId(), restock.threadId()), trial.lockNames())));
        }
        if (thrown.get() != null) {
            return trial.notWorking("a sale or a delivery threw " + thrown.get(), new Evidence.Threads("What it threw",
                    List.of(ThreadViews.thrown("sales or restock", thrown.get()))));
        }
        List<Audit.Told> expected = List.of(
                new Audit.Told(sold, soldFrom, soldFrom - sale, "sales", soldFrom - sale),
                new Audit.Told(delivered, deliveredFrom, deliveredFrom + delivery, "restock",
                        deliveredFrom + delivery));
        List<Audit.Told> told = audit.told();
        if (told.size() != 2 || !told.containsAll(expected)) {
            return trial.notWorking(String.format(Locale.ROOT, "the audit log was told %s, where a sale of %d \"%s\""
                    + " and a delivery of %d \"%s\" should tell it %s (each on the thread that made it, which then"
                    + " reads the new level back)", told, sale, sold, delivery, delivered, expected));
        }
        if (desk.noted().size() != 2) {
            return trial.notWorking("the reorder desk was told " + desk.noted() + ": two changes were made");
        }
        if (stock.level(sold) != soldFrom - sale || stock.level(delivered) != deliveredFrom + delivery) {
            return trial.notWorking(String.format(Locale.ROOT, "after a sale of %d from %d and a delivery of %d to %d,"
                    + " the levels are %d and %d", sale, soldFrom, delivery, deliveredFrom, stock.level(sold),
                    stock.level(delivered)));
        }
        return null;
    }

    private static Finding deadlocked(Evidence.LockCycle cycle, Trial trial) {
        String listenerFrame = cycle.threads().stream().filter(view -> view.name().equals("sales"))
                .flatMap(view -> view.stack().stream()).filter(frame -> frame.contains(".changed(")).findFirst()
                .orElse("a listener's changed(...)");
        return trial.reproduced(FailureKind.DEADLOCK, String.format(Locale.ROOT, "sales and restock are deadlocked"
                + " through a listener: sales holds the stock's lock in adjust and, still inside it, tells the"
                + " listeners; the reorder desk's changed waits for the desk's lock, which restock holds while it books"
                + " a delivery, waiting in adjust for the stock's lock. The listener ran under the stock's lock: %s",
                listenerFrame.strip()), cycle,
                new Evidence.Note("The stock cannot know what a listener does: calling one while holding a lock lets"
                        + " code it does not own take locks, or wait for threads, in that lock's shadow. The cycle runs"
                        + " through the listener's frame."));
    }

    /**
     * Two threads deliver one unit at a time, in lockstep (each delivery starts as the other thread starts its own):
     * every change counted and told once, on the thread that made it.
     */
    private static Finding busy(Class<? extends Stock> implementation, SplittableRandom random, Trial trial)
            throws InterruptedException {
        long together = 0;
        long deliveries = 0;
        int round = 0;
        while (!trial.outOfTime() && round < MAX_ROUNDS && (round < MIN_ROUNDS || together < ENOUGH_TOGETHER)) {
            round++;
            Stock stock = Subjects.create(implementation);
            Deliveries listener = new Deliveries((int) (ADJUSTERS * DELIVERIES_PER_ADJUSTER), "adjuster-");
            stock.addListener(listener);
            String sku = SKUS.get(random.nextInt(SKUS.size()));
            Lockstep lockstep = new Lockstep(ADJUSTERS, trial.remaining());
            Stress.Result result = Stress.run("adjuster", ADJUSTERS, DELIVERIES_PER_ADJUSTER, trial.remaining(),
                    (adjuster, i) -> {
                        lockstep.await(adjuster, i);
                        stock.adjust(sku, 1);
                    });
            if (!result.failures().isEmpty()) {
                return trial.notWorking("adjust threw " + result.failures().get(0));
            }
            if (!result.stuck().isEmpty()) {
                return trial.notWorking(String.join(", ", result.stuck()) + " never returned from adjust",
                        new Evidence.Threads("Where they were stuck", result.stuckThreads()));
            }
            long made = result.total();
            deliveries += made;
            together += lockstep.together();
            if (stock.level(sku) != made) {
                return trial.notWorking(String.format(Locale.ROOT, "%d threads delivered \"%s\" one unit at a time, %,d"
                        + " times, and the level says %,d: adjust lost changes made at the same time",
                        ADJUSTERS, sku, made, stock.level(sku)),
                        new Evidence.Count("units delivered", made,
                                stock.level(sku)));
            }
            if (listener.told() != made || listener.notOneUp() > 0 || listener.sameLevelTwice() > 0) {
                return trial.notWorking(String.format(Locale.ROOT, "%,d deliveries of one unit were made, and a"
                        + " listener was told %,d changes, %,d of them not one up and %,d from a level another was"
                        + " told from too: the contract says each change, once, with the level before and after",
                        made, listener.told(), listener.notOneUp(), listener.sameLevelTwice()),
                        new Evidence.Count("changes told", made, listener.told()));
            }
            if (listener.otherThread() != null) {
                return trial.notWorking("the listener was told on " + listener.otherThread() + ", not on the thread"
                        + " that made the change: the contract says before adjust returns, on its thread");
            }
        }
        if (round < MIN_ROUNDS || together < ENOUGH_TOGETHER) {
            return trial.inconclusive(String.format(Locale.ROOT, "a sale and a delivery at once went right, but the"
                    + " adjusting threads started only %,d deliveries at the same moment in %d rounds (%,d needed):"
                    + " this machine is too busy to tell whether adjust loses changes", together, round,
                    ENOUGH_TOGETHER));
        }
        return trial.clean(String.format(Locale.ROOT, "a sale and a delivery booked by the reorder desk under its own"
                + " lock, at once, both went through, each listener told once on the thread that made the change;"
                + " and %d threads made %,d deliveries of one unit in %d rounds, %,d of them started at the same"
                + " moment as the other thread's, none lost, each told once, one up",
                ADJUSTERS, deliveries, round, together));
    }
}
