package workbook.unsafepublication;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * Rounds of freshly made holders, each raced by two request threads released together: one loads the settings while
 * the other may find them through the holder's field at that very moment. Every read must show every value of the
 * file; every holder must read its file once, not before the first call, and hand both threads the same object; and
 * once loaded, a read must not lock (it is made while the scenario holds each lock the holder could take).
 *
 * <p>A read of a half-built object is what the Java memory model allows the broken example, but on x86 (stores kept
 * in order) with HotSpot's C2 it was never seen, not even with the JIT's stress options for instruction scheduling
 * that jcstress uses: then the verdict says so ({@code NOT_OBSERVABLE}), with how the code publishes its object, read
 * by reflection, as the reason it is still wrong. A fix is CLEAN only when that reading shows a publication the
 * memory model makes safe (a volatile or atomic field, or final fields).
 */
public final class UnsafePublication implements Pitfall<SettingsHolder> {

    static final int READERS = 2;
    static final int MIN_HOLDERS = 2_000;
    static final int MAX_HOLDERS = 4_000;
    /** Holders published and raced, after which a trial stops looking. */
    static final long ENOUGH_PUBLICATIONS = 16_000;
    static final Duration ROUND_LIMIT = Duration.ofSeconds(1);
    static final Duration GRACE = Duration.ofSeconds(1);
    /** At most this long for reads of loaded settings while each lock the holder could take is held. */
    static final Duration PROBE_LIMIT = Duration.ofSeconds(1);

    @Override
    public String id() {
        return "unsafe-publication";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.STALE;
    }

    @Override
    public Class<LazySettings> subject() {
        return LazySettings.class;
    }

    /** Every thread of a round ends with it; nothing is left behind. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    /** x86 keeps stores in order: the broken example's half-built read may never show here. */
    @Override
    public boolean failureMayBeUnobservable() {
        return true;
    }

    @Override
    public Finding run(Class<? extends SettingsHolder> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        CountingFile.Values values = new CountingFile.Values("db-" + random.nextInt(1, 100) + ".internal",
                random.nextInt(1024, 65536), random.nextInt(100, 5000), random.nextInt(1, 10));
        // Made once the usual way (which explains a missing constructor), then thousands of times directly.
        Subjects.create(implementation, new CountingFile(values));
        Constructor<? extends SettingsHolder> constructor = implementation.getConstructor(SettingsFile.class);
        long publications = 0;
        long reads = 0;
        while (!trial.outOfTime() && publications < ENOUGH_PUBLICATIONS) {
            int count = random.nextInt(MIN_HOLDERS, MAX_HOLDERS + 1);
            CountingFile[] files = new CountingFile[count];
            SettingsHolder[] holders = new SettingsHolder[count];
            for (int i = 0; i < count; i++) {
                files[i] = new CountingFile(values);
                holders[i] = constructor.newInstance(files[i]);
            }
            if (Arrays.stream(files).anyMatch(file -> file.reads() > 0)) {
                return trial.notWorking(implementation.getSimpleName() + " read its settings file before anyone"
                        + " asked for the settings (in its constructor): the contract promises to read it lazily,"
                        + " on the first call");
            }
            AtomicReferenceArray<ConnectionSettings> handedOut = new AtomicReferenceArray<>(count);
            AtomicLong wrongReads = new AtomicLong();
            AtomicReference<String> firstWrong = new AtomicReference<>();
            AtomicReference<String> twoObjects = new AtomicReference<>();
            Duration limit = trial.remaining().compareTo(ROUND_LIMIT) < 0 ? trial.remaining() : ROUND_LIMIT;
            Stress.Result round = Stress.run("request", READERS, count, limit, (reader, n) -> {
                int i = (int) n;
                ConnectionSettings read = holders[i].settings();
                String wrong = values.wrongIn(read);
                if (wrong != null) {
                    wrongReads.incrementAndGet();
                    firstWrong.compareAndSet(null, "request-" + (reader + 1) + " " + wrong + ", from holder #"
                            + (i + 1) + " of the round, which request-" + (2 - reader) + " was loading");
                } else if (!handedOut.compareAndSet(i, null, read) && handedOut.get(i) != read) {
                    twoObjects.compareAndSet(null, "holder #" + (i + 1) + " handed the two request threads two"
                            + " different settings objects");
                }
            });
            reads += round.total();
            publications += Arrays.stream(files).filter(file -> file.reads() > 0).count();
            if (!round.stuck().isEmpty()) {
                return trial.notWorking("settings() never returned within " + limit.toMillis() + " ms",
                        new Evidence.Threads("Where the request threads were stuck", round.stuckThreads()));
            }
            if (!round.failures().isEmpty()) {
                return trial.notWorking("settings() threw " + round.failures().get(0));
            }
            if (firstWrong.get() != null) {
                return trial.reproduced(FailureKind.STALE, "A request thread saw the settings half-built: "
                        + firstWrong.get() + ". The reference was visible before the fields were written.",
                        new Evidence.Count("reads that saw every field set", reads, reads - wrongReads.get()));
            }
            for (int i = 0; i < count; i++) {
                if (handedOut.get(i) != null && files[i].reads() == 0) {
                    return trial.notWorking("holder #" + (i + 1) + " of the round handed out settings without"
                            + " reading its own file: they came from elsewhere (one copy shared by all holders?),"
                            + " and the contract promises each holder the settings of its file");
                }
            }
            int mostReads = Arrays.stream(files).mapToInt(CountingFile::reads).max().orElse(0);
            if (mostReads > 1 || twoObjects.get() != null) {
                long once = Arrays.stream(files).filter(file -> file.reads() == 1).count();
                return trial.notWorking(twoObjects.get() != null
                        ? twoObjects.get() + ": the contract promises one object per holder"
                        : "a holder read and parsed its file " + mostReads + " times: the contract promises once",
                        new Evidence.Count("holders that read their file once", count, once));
            }
        }
        if (publications == 0) {
            return trial.inconclusive("no holder was loaded within the budget: the machine was too busy");
        }
        return loadedReads(implementation, values, publications, reads, trial);
    }

    /** A read of loaded settings, which must not lock, then what the publication itself promises. */
    private Finding loadedReads(Class<? extends SettingsHolder> implementation, CountingFile.Values values,
            long publications, long reads, Trial trial) throws Exception {
        SettingsHolder holder = Subjects.create(implementation, new CountingFile(values));
        ConnectionSettings loaded = holder.settings();
        LockedReads.Probe probe = LockedReads.probe(holder, PROBE_LIMIT, trial.lockNames());
        if (probe.blocked().isPresent()) {
            LockedReads.Blocked blocked = probe.blocked().get();
            return trial.notWorking("Once the settings were loaded, a read still took a lock: while the scenario held "
                    + blocked.lock() + ", request-1's call of settings() waited for it. The contract promises reads"
                    + " that do not lock (every request reads them)",
                    new Evidence.Threads("request-1, reading loaded settings", List.of(blocked.reader())));
        }
        Publication publication = Publication.of(holder, loaded);
        Evidence[] evidence = {
                new Evidence.Count("reads, each racing the load of a fresh holder, that saw every field set", reads,
                        reads),
                new Evidence.Count("holders that read their file once, lazily, and handed out one object",
                        publications, publications),
                new Evidence.Note("a read of loaded settings, while the scenario held each lock the holder could"
                        + " take in turn (" + String.join("; ", probe.locksHeld()) + "): it never waited")};
        if (publication.safe()) {
            return trial.clean(String.format(java.util.Locale.ROOT, "%,d reads of %,d freshly loaded settings all"
                    + " saw every field set, each holder read its file once, and loaded settings are read without a"
                    + " lock; by reflection (supporting evidence, not an observation), %s.", reads, publications,
                    publication.how()), evidence);
        }
        return trial.notObservable(String.format(java.util.Locale.ROOT, "Not observed on this hardware and JDK:"
                + " %,d reads, each racing the load of one of %,d fresh holders, all saw every field set. That does"
                + " not make it safe, and this trial cannot tell it from the broken example: the Java memory model"
                + " lets a thread see the reference before the fields; x86 keeps its stores in order and this JIT"
                + " did not move them, but ARM and POWER do reorder them. By reflection (supporting evidence, not an"
                + " observation): %s.", reads, publications,
                publication.how()), evidence);
    }
}
