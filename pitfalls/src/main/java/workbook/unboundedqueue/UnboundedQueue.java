package workbook.unboundedqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToLongFunction;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Limit;
import workbook.harness.Evidence.Point;
import workbook.harness.Evidence.Series;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * The upload endpoint under a spike. First a calm spell: 32 request threads offer uploads of 16 KB at a quarter of
 * what the store takes, and every one must be accepted at once. Then the spike: they offer 10 to 16 times what the
 * store takes (its connections, 2 to 4, each busy 1 to 4 ms a put: about 900 to 1,900 a second), for 500 to 800 ms,
 * and the scenario samples the uploads accepted and not yet stored every 10 ms, and the heap. It stops the requests
 * itself once they reach twice the contract's 32 MB (2,048 uploads), so the trial stays well within its heap. Then the
 * store turns fast, the service is closed, and every upload is accounted for from the time stamps: the waiting
 * uploads are counted again without those never stored (a service that drops uploads does not hold them), and past
 * the contract's limit the failure is in. Otherwise each upload accepted must be stored once, none refused may be
 * stored, and the store must have had as many puts at once as the service has workers.
 */
public final class UnboundedQueue implements Pitfall<Ingest> {

    static final long LIMIT_UPLOADS = Ingest.MAX_PENDING_BYTES / Upload.MAX_BYTES;
    /** Where the scenario stops the requests: twice the contract's limit, 64 MB of uploads, a quarter of the heap. */
    static final long STOP_UPLOADS = 2 * LIMIT_UPLOADS;
    static final double CALM_SHARE = 0.25;
    static final Duration CALM = Duration.ofMillis(150);
    static final Duration SAMPLE_EVERY = Duration.ofMillis(10);
    static final Duration PATIENCE = Duration.ofSeconds(3);
    /** In the calm spell, half the calls of a service that returns at once take less than this. */
    static final long AT_ONCE_MICROS = 500;
    static final int PLOT_ROWS = 16;
    private static final double MB = 1024 * 1024;

    @Override
    public String id() {
        return "unbounded-queue";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.OVERLOAD;
    }

    /** The scenario stops the growth, drains the store and closes the service: nothing is left running. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<UploadService> subject() {
        return UploadService.class;
    }

    /**
     * One sample of the spike: ms from its start, the clock's µs, uploads accepted and not yet stored, heap in use in
     * MB. While the spike runs, waiting counts every upload accepted and not yet stored; once the service is closed it
     * is counted again without the uploads that were never stored, which a service that drops them never held.
     */
    private record Sample(long millis, int atMicros, long waiting, long heapMb) {
        Sample waiting(long count) {
            return new Sample(millis, atMicros, count, heapMb);
        }
    }

    @Override
    public Finding run(Class<? extends Ingest> implementation, Trial trial) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int workers = 2 + random.nextInt(3);
        double storeRate = SlowStore.uploadsPerSecond(workers);
        double spikeRate = storeRate * (10 + 6 * random.nextDouble());
        long spikeMillis = 500 + random.nextInt(301);
        Clock clock = new Clock();
        SlowStore store = new SlowStore(workers, Ledger.MOST_UPLOADS, clock);
        Ledger ledger = new Ledger(clock);
        Ingest ingest = Subjects.create(implementation, store, workers);
        Requests calm = null;
        Requests spike = null;
        boolean windUp = true;
        try (CallerThread closer = new CallerThread("closer")) {
            calm = new Requests(ingest, ledger, storeRate * CALM_SHARE).start();
            Thread.sleep(CALM.toMillis());
            calm.stop();
            if (!calm.awaitEnd(PATIENCE)) {
                return stuck(calm, "in the calm spell, accept() did not return within " + PATIENCE.toMillis()
                        + " ms", trial);
            }
            int acceptedCalm = ledger.accepted();
            int refusedCalm = ledger.refused();

            Sample before = new Sample(0, clock.micros(), waiting(ledger, store), heapMb());
            int offeredBefore = ledger.offered();
            spike = new Requests(ingest, ledger, spikeRate).start();
            List<Sample> samples = spike(before, clock, store, ledger, spikeMillis, trial);
            spike.stop();
            long spikeLasted = Math.max(1, samples.get(samples.size() - 1).millis());
            String load = String.format(Locale.ROOT,
                    "In a spike of %,d uploads a second for %,d ms, against a store that takes about %,d a second (%d "
                            + "at once)",
                    (ledger.offered() - offeredBefore) * 1_000L / spikeLasted, spikeLasted, Math.round(storeRate),
                    workers);
            if (trial.held() && most(samples).waiting() > LIMIT_UPLOADS) {
                // A held trial keeps the backlog for jcmd: the store stops storing, nothing is closed. Its count is
                // the one seen during the spike, uploads a service may have dropped included.
                store.stall();
                windUp = false;
                return overloaded(load, samples, ledger, 0, trial);
            }
            store.fast();
            if (!spike.awaitEnd(PATIENCE)) {
                return stuck(spike, "after the spike, accept() did not return within " + PATIENCE.toMillis()
                        + " ms, though the store then took every upload at once", trial);
            }
            CallerThread.Returned closed = closer.timed("close()", PATIENCE, ingest::close, trial.lockNames());
            windUp = false;
            if (!closed.ok()) {
                return closed.notWorking(trial);
            }
            List<Sample> held = recounted(samples, ledger, store);
            int lost = lost(ledger, store).size();
            if (most(held).waiting() > LIMIT_UPLOADS) {
                return overloaded(load, held, ledger, lost, trial);
            }
            return judge(load, held, most(held), ledger, store, workers, calm, spike, acceptedCalm, refusedCalm,
                    trial);
        } finally {
            if (windUp && !trial.held()) {
                windUp(store, ingest, calm, spike);
            }
        }
    }

    private static Sample most(List<Sample> samples) {
        return samples.stream().max((a, b) -> Long.compare(a.waiting(), b.waiting())).orElseThrow();
    }

    /**
     * The samples with their waiting uploads counted again from the time stamps: accepted by then, stored after. An
     * upload that was never stored is left out: the service let go of it at some point, and held it no longer.
     */
    private static List<Sample> recounted(List<Sample> samples, Ledger ledger, SlowStore store) {
        List<long[]> changes = new ArrayList<>();
        for (int number = 0; number < ledger.offered(); number++) {
            if (ledger.wasAccepted(number) && store.timesStored(number) > 0
                    && store.storedAt(number) > ledger.acceptedAt(number)) {
                changes.add(new long[]{ledger.acceptedAt(number), 1});
                changes.add(new long[]{store.storedAt(number), -1});
            }
        }
        changes.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Sample> recounted = new ArrayList<>();
        int next = 0;
        long waiting = 0;
        for (Sample sample : samples) {
            while (next < changes.size() && changes.get(next)[0] <= sample.atMicros()) {
                waiting += changes.get(next++)[1];
            }
            recounted.add(sample.waiting(waiting));
        }
        return recounted;
    }

    /** The uploads accept() took and the store never stored. */
    private static List<Integer> lost(Ledger ledger, SlowStore store) {
        List<Integer> lost = new ArrayList<>();
        for (int number = 0; number < ledger.offered(); number++) {
            if (ledger.wasAccepted(number) && store.timesStored(number) == 0) {
                lost.add(number);
            }
        }
        return lost;
    }

    /** Samples the spike until its time is up, or the backlog reaches the scenario's stop. */
    private static List<Sample> spike(Sample before, Clock clock, SlowStore store, Ledger ledger, long spikeMillis,
            Trial trial) throws InterruptedException {
        List<Sample> samples = new ArrayList<>(List.of(before));
        long start = System.nanoTime();
        while (!trial.outOfTime()) {
            Thread.sleep(SAMPLE_EVERY.toMillis());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            Sample sample = new Sample(millis, clock.micros(), waiting(ledger, store), heapMb());
            samples.add(sample);
            if (millis >= spikeMillis || sample.waiting() >= STOP_UPLOADS || ledger.broken() != null) {
                break;
            }
        }
        return samples;
    }

    private static long waiting(Ledger ledger, SlowStore store) {
        return Math.max(0, ledger.accepted() - store.stored());
    }

    private static long heapMb() {
        Runtime runtime = Runtime.getRuntime();
        return Math.round((runtime.totalMemory() - runtime.freeMemory()) / MB);
    }

    private static Finding overloaded(String load, List<Sample> samples, Ledger ledger, int lost, Trial trial) {
        Sample last = samples.get(samples.size() - 1);
        Sample past = samples.stream().filter(s -> s.waiting() > LIMIT_UPLOADS).findFirst().orElseThrow();
        Sample most = samples.stream().max((a, b) -> Long.compare(a.waiting(), b.waiting())).orElseThrow();
        // Growth over the last 100 ms or so: still climbing, or levelled off above the limit?
        Sample earlier = samples.stream().filter(s -> s.millis() <= last.millis() - 100).reduce((a, b) -> b)
                .orElse(samples.get(0));
        long perSecond = last.millis() == earlier.millis()
                ? 0
                : (last.waiting() - earlier.waiting()) * 1_000 / (last.millis() - earlier.millis());
        boolean growing = last.waiting() >= earlier.waiting() + Math.max(64, earlier.waiting() / 10);
        String refused = ledger.refused() == 0
                ? "accept() refused none"
                : String.format(Locale.ROOT, "accept() refused %,d of %,d", ledger.refused(), ledger.offered());
        if (lost > 0) {
            refused += String.format(Locale.ROOT, " and dropped %,d it had accepted", lost);
        }
        String how = growing
                ? String.format(Locale.ROOT, "and were still growing by about %,d a second when the workbook stopped "
                        + "the requests", perSecond)
                : String.format(Locale.ROOT, "and levelled off at %,d: a bound, but one bigger than the contract's",
                        last.waiting());
        String summary = String.format(Locale.ROOT,
                "%s, %s: the uploads accepted and not yet stored grew to %,d (%s) in %,d ms, past the %s the contract "
                        + "allows at %,d ms, %s",
                load, refused, most.waiting(), megabytes(most.waiting()), most.millis(),
                megabytes(LIMIT_UPLOADS), past.millis(), how);
        return trial.reproduced(FailureKind.OVERLOAD, summary, backlogPlot(samples), heapPlot(samples));
    }

    private static Finding judge(String load, List<Sample> samples, Sample most, Ledger ledger, SlowStore store,
            int workers, Requests calm, Requests spike, int acceptedCalm, int refusedCalm, Trial trial) {
        if (ledger.broken() != null) {
            return trial.notWorking("accept() threw " + ledger.broken(), backlogPlot(samples), heapPlot(samples));
        }
        List<Integer> lost = lost(ledger, store);
        List<Integer> twice = new ArrayList<>();
        List<Integer> refusedStored = new ArrayList<>();
        for (int number = 0; number < ledger.offered(); number++) {
            int stored = store.timesStored(number);
            if (ledger.wasAccepted(number) && stored > 1) {
                twice.add(number);
            } else if (ledger.wasRefused(number) && stored > 0) {
                refusedStored.add(number);
            }
        }
        if (!lost.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s, accept() returned normally for %,d uploads, but %,d of them were never stored (%s): dropped "
                            + "without a word to the caller, who thinks they are safe. The contract says an upload "
                            + "it cannot take is refused visibly, by an exception or by holding the caller",
                    load, ledger.accepted(), lost.size(), numbers(lost)),
                    new Evidence.Count("accepted uploads stored", ledger.accepted(),
                            ledger.accepted() - lost.size()));
        }
        if (!twice.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT, "%,d accepted uploads were stored more than once (%s)",
                    twice.size(), numbers(twice)));
        }
        if (!refusedStored.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "accept() refused %,d uploads that were stored all the same (%s): the caller, told to try again "
                            + "later, sends them twice",
                    refusedStored.size(), numbers(refusedStored)));
        }
        if (refusedCalm > 0) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "in the calm spell before the spike, uploads came at a quarter of what the store takes, yet "
                            + "accept() refused %,d of %,d (%s); the contract says it accepts every one then",
                    refusedCalm, acceptedCalm + refusedCalm, ledger.firstRefusal()));
        }
        if (calm.medianAcceptMicros() > AT_ONCE_MICROS) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "in the calm spell before the spike, with room to spare, accept() kept its caller %,d µs (the "
                            + "median of %,d calls); the contract says it returns at once while uploads come slower "
                            + "than the store takes them",
                    calm.medianAcceptMicros(), calm.calls()));
        }
        if (store.mostAtOnce() < workers) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s, the store never had more than %d put%s at once, though the service has %d workers and the "
                            + "store takes %d: the contract says it stores as many at once as it has workers",
                    load, store.mostAtOnce(), store.mostAtOnce() == 1 ? "" : "s", workers, workers));
        }
        String pushedBack = ledger.refused() > 0
                ? String.format(Locale.ROOT, "refused %,d visibly (%s)", ledger.refused(),
                        ledger.firstRefusal().getClass().getSimpleName())
                : "refused none";
        return trial.clean(String.format(Locale.ROOT,
                "%s, accept() took %,d uploads and %s; the longest call kept its caller %,d ms; at most %,d uploads "
                        + "(%s) waited to be stored, within the contract's %s; all %,d accepted uploads were stored "
                        + "once, and in the calm spell before it every upload was accepted at once (median %,d µs)",
                load, ledger.accepted(), pushedBack, spike.longestAcceptMillis(),
                most.waiting(), megabytes(most.waiting()), megabytes(LIMIT_UPLOADS), ledger.accepted(),
                calm.medianAcceptMicros()), backlogPlot(samples), heapPlot(samples));
    }

    private static Finding stuck(Requests requests, String what, Trial trial) {
        List<Long> alive = requests.stillAlive();
        return trial.notWorking(what, new Evidence.Threads("Request threads still inside accept()",
                ThreadViews.of(alive.subList(0, Math.min(2, alive.size())), trial.lockNames())));
    }

    /** After a finding made early: stop the requests, let the store drain, close the service. */
    private static void windUp(SlowStore store, Ingest ingest, Requests calm, Requests spike)
            throws InterruptedException {
        store.fast();
        for (Requests requests : new Requests[]{calm, spike}) {
            if (requests != null) {
                requests.stop();
                requests.awaitEnd(PATIENCE);
            }
        }
        try (CallerThread closer = new CallerThread("closer")) {
            closer.call("close()", PATIENCE, ingest::close);
        }
    }

    private static Series backlogPlot(List<Sample> samples) {
        return new Series("Uploads accepted and not yet stored, from the start of the spike", "ms",
                "uploads waiting", rows(samples, Sample::waiting),
                new Limit(LIMIT_UPLOADS, "the contract's " + megabytes(LIMIT_UPLOADS) + " (uploads of 16 KB)"));
    }

    private static Series heapPlot(List<Sample> samples) {
        long maxMb = Math.round(Runtime.getRuntime().maxMemory() / MB);
        return new Series("Heap in use (live objects and garbage not yet collected)", "ms", "MB",
                rows(samples, Sample::heapMb), new Limit(maxMb, "the heap's maximum (-Xmx), in MB"));
    }

    /** At most {@link #PLOT_ROWS} samples, the nearest to times evenly spread over the spike, the last among them. */
    private static List<Point> rows(List<Sample> samples, ToLongFunction<Sample> y) {
        long end = samples.get(samples.size() - 1).millis();
        List<Point> points = new ArrayList<>();
        Sample previous = null;
        for (int row = 0; row < PLOT_ROWS; row++) {
            long target = end * row / (PLOT_ROWS - 1);
            Sample nearest = samples.stream().min((a, b) -> Long.compare(Math.abs(a.millis() - target),
                    Math.abs(b.millis() - target))).orElseThrow();
            if (nearest != previous) {
                points.add(new Point(nearest.millis(), y.applyAsLong(nearest)));
                previous = nearest;
            }
        }
        return points;
    }

    private static String megabytes(long uploads) {
        return String.format(Locale.ROOT, "%,d MB", Math.round(uploads * Upload.MAX_BYTES / MB));
    }

    private static String numbers(List<Integer> numbers) {
        List<String> first = numbers.stream().limit(5).map(n -> "upload-" + n).toList();
        return String.join(", ", first) + (numbers.size() > 5 ? ", ..." : "");
    }
}
