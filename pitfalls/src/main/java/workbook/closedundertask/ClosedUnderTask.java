package workbook.closedundertask;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.Waits;
import workbook.harness.WatchedCall;

/**
 * Three uploads: one stored whole and one with an attachment chunk the store rejects, in a drawn order, then one with
 * a body chunk it rejects while the attachments are still being written ({@link Round}). The {@code uploader} thread calls
 * {@code upload} and the store records every write, every refusal and the close ({@link ScriptedStore}). An upload
 * that closes the connection while its tasks still write on it, their writes refused, is the pitfall: whether it then
 * returns as if all were stored, or throws one failure while the tasks' are lost. Otherwise every chunk must be stored
 * (or the rejection thrown), the connection closed before the return, the attachments written on the executor while
 * the body is written on the caller, and the return prompt.
 */
public final class ClosedUnderTask implements Pitfall<Uploader> {

    static final int ROUNDS = Round.Failure.values().length;
    static final Duration PATIENCE = Duration.ofSeconds(2);
    /** A right upload returns within a millisecond of its last write (or of the rejection); this much later is late. */
    static final Duration PROMPT = Duration.ofMillis(200);
    /** After the return, how long the tasks still running get to show what they do. */
    static final Duration SETTLE = Duration.ofMillis(500);
    static final Duration POOL_END = Duration.ofSeconds(1);

    @Override
    public String id() {
        return "closed-under-task";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_FAILURE;
    }

    /** The scenario's pool ends with the trial, and the uploads' tasks end with their last chunk. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<DocumentUploader> subject() {
        return DocumentUploader.class;
    }

    @Override
    public Finding run(Class<? extends Uploader> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        // A whole upload and an attachment's rejection in a drawn order; the body's rejection last, as it shows only
        // what the others cannot: an upload that waits for its tasks only when all goes well.
        List<Round.Failure> failures = random.nextBoolean()
                ? List.of(Round.Failure.NONE, Round.Failure.ATTACHMENT, Round.Failure.BODY)
                : List.of(Round.Failure.ATTACHMENT, Round.Failure.NONE, Round.Failure.BODY);
        UploadPool pool = new UploadPool();
        int chunks = 0;
        int mostAtOnce = 0;
        try {
            for (int i = 0; i < ROUNDS; i++) {
                Round round = new Round(failures.get(i), random);
                Uploader uploader = Subjects.create(implementation, round.store(), pool);
                WatchedCall<Void> upload = new WatchedCall<Void>("uploader", () -> {
                    uploader.upload(round.document());
                    return null;
                }).start();
                Waits.until(upload::ended, PATIENCE.compareTo(trial.remaining()) < 0 ? PATIENCE : trial.remaining());
                Finding finding = judge(upload, round, pool, trial);
                if (finding != null) {
                    return finding;
                }
                chunks += round.store().stored().size();
                mostAtOnce = Math.max(mostAtOnce, round.store().mostPartsAtOnce());
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(POOL_END.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (mostAtOnce < 2) {
            return trial.notWorking("upload wrote one part at a time, never two at once: the contract says the"
                    + " attachments on the executor while the body is written");
        }
        return trial.clean(String.format(Locale.ROOT, "in %d uploads (%d chunks stored), up to %d parts were written"
                + " at once, the attachments on the executor while the body was written; each upload returned once"
                + " every chunk was stored, with its connection closed, and when the store rejected a chunk (of an"
                + " attachment, then of the body while the attachments were written), upload threw that failure once"
                + " no task wrote any more, and no write met a closed connection", ROUNDS, chunks, mostAtOnce));
    }

    private static Finding judge(WatchedCall<Void> upload, Round round, UploadPool pool, Trial trial)
            throws InterruptedException {
        ScriptedStore store = round.store();
        if (!upload.ended()) {
            return trial.notWorking(String.format(Locale.ROOT, "upload(\"%s\") did not return within %,d ms (its"
                    + " writes take about 30 ms)", round.document().name(), PATIENCE.toMillis()),
                    new Evidence.Threads("The uploader thread",
                            ThreadViews.of(List.of(upload.thread().threadId()), trial.lockNames())));
        }
        // What the tasks still running do after the return is part of the story: they get a moment to do it.
        Waits.until(pool::idle, SETTLE);
        String name = round.document().name();
        Set<String> stored = store.stored().stream().map(ScriptedStore.Write::chunk).collect(Collectors.toSet());
        long missing = round.allChunks().stream().filter(chunk -> !stored.contains(chunk)).count();
        Evidence.Count storedCount = new Evidence.Count("chunks stored", round.allChunks().size(),
                round.allChunks().size() - missing);
        // Writes refused on the closed connection, and the caller not told of them: lost. (An upload that throws a
        // refusal has closed under its own tasks too, but said so: it does not work, see below.)
        if (!store.refused().isEmpty()
                && store.refused().stream().noneMatch(w -> carries(upload.thrown(), w.refused()))) {
            return lostUnderClose(upload, round, pool, storedCount, trial);
        }
        if (upload.thrown() != null) {
            if (!round.failing() || store.rejection() == null) {
                return trial.notWorking(String.format(Locale.ROOT, "upload(\"%s\") threw %s", name, upload.thrown()),
                        storedCount, new Evidence.Threads("What upload threw",
                                List.of(ThreadViews.thrown("uploader", upload.thrown()))));
            }
            if (!carries(upload.thrown(), store.rejection())) {
                return trial.notWorking(String.format(Locale.ROOT, "upload(\"%s\") threw %s, which does not carry"
                        + " the store's rejection (%s)", name, upload.thrown(), store.rejection()));
            }
        } else if (missing > 0) {
            return trial.notWorking(String.format(Locale.ROOT, "upload(\"%s\") returned as if stored, but %d of its %d"
                    + " chunks never were%s", name, missing, round.allChunks().size(),
                    store.rejection() == null
                            ? ""
                            : ": the store rejected " + round.rejectedChunk() + " (" + store.rejection().getMessage()
                                    + "), and upload did not pass that failure on"),
                    storedCount);
        }
        Finding connection = connectionUse(upload, round, trial);
        if (connection != null) {
            return connection;
        }
        if (pool.isShutdown()) {
            return trial.notWorking("upload shut down the executor it was given: the contract says it leaves it"
                    + " running, as others use it");
        }
        // The last write it had to wait for: the last chunk stored, or, after a rejection, the last write its tasks
        // still made (a right upload waits for them before it closes the connection and throws).
        long lastWrite = store.writes().stream().mapToLong(ScriptedStore.Write::atMillis).max().orElse(0);
        if (store.millisAt(upload.endedAt()) - lastWrite > PROMPT.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT, "upload(\"%s\") %s %,d ms after the last write: it"
                    + " waited for something other than the writes, a timeout or a sleep", name,
                    upload.thrown() == null ? "returned" : "threw", store.millisAt(upload.endedAt()) - lastWrite));
        }
        return null;
    }

    /** One connection, closed before the return; the attachments on the executor, the body on the caller. */
    private static Finding connectionUse(WatchedCall<Void> upload, Round round, Trial trial) {
        ScriptedStore store = round.store();
        String name = round.document().name();
        if (store.connections() != 1) {
            return trial.notWorking(String.format(Locale.ROOT, "upload(\"%s\") opened %d connections: the contract"
                    + " says one", name, store.connections()));
        }
        if (store.closes().isEmpty() || store.closes().get(0).atMillis() > store.millisAt(upload.endedAt())) {
            return trial.notWorking(String.format(Locale.ROOT, "upload(\"%s\") %s with its connection %s: the"
                    + " contract says it closes the connection before it returns", name,
                    upload.thrown() == null ? "returned" : "threw",
                    store.closes().isEmpty() ? "still open" : "closed only after it returned"));
        }
        for (ScriptedStore.Write write : store.writes()) {
            boolean body = round.isBody(write.part());
            if (body && !write.thread().equals("uploader")
                    || !body && !write.thread().startsWith(UploadPool.PREFIX)) {
                return trial.notWorking(String.format(Locale.ROOT, "%s was written on %s: the contract says the"
                        + " body on the calling thread (uploader) and the attachments on the executor given (%s1 to"
                        + " %s%d)", write.chunk(), write.thread(), UploadPool.PREFIX, UploadPool.PREFIX,
                        UploadPool.THREADS));
            }
        }
        return null;
    }

    private static Finding lostUnderClose(WatchedCall<Void> upload, Round round, UploadPool pool,
            Evidence.Count storedCount,
            Trial trial) {
        ScriptedStore store = round.store();
        List<ScriptedStore.Write> refused = store.refused();
        long closedAt = store.closes().isEmpty() ? store.millisAt(upload.endedAt()) : store.closes().get(0).atMillis();
        Set<String> parts = new HashSet<>();
        refused.forEach(write -> parts.add(write.part()));
        ScriptedStore.Write first = refused.get(0);
        String ended = upload.thrown() == null
                ? "returned at " + store.millisAt(upload.endedAt()) + " ms as if the document were stored"
                : "threw " + upload.thrown().getClass().getSimpleName() + " at " + store.millisAt(upload.endedAt())
                        + " ms (" + (round.isBody(store.writes().stream().filter(w -> w.refused() == store.rejection())
                                .map(ScriptedStore.Write::part).findFirst().orElse(""))
                                        ? "the body's"
                                        : "an attachment's")
                        + " rejected chunk)";
        return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT, "upload(\"%s\") %s, but the"
                + " connection was closed at %d ms while attachment tasks it had started still wrote on it: %d of"
                + " their writes were refused (%s: %s), %s never fully stored, and %s", round.document().name(),
                ended, closedAt, refused.size(), first.refused().getClass().getSimpleName(),
                first.refused().getMessage(),
                parts.stream().sorted().collect(Collectors.joining(", ")),
                pool.escaped().contains(first.refused())
                        ? "the failures went to the pool threads' uncaught-exception handler, far from the caller"
                        : "the failures stayed in Futures nobody read"),
                storedCount,
                new Evidence.Timeline("The upload, in ms since it started", store.timeline()),
                new Evidence.Threads("What " + first.thread() + " got, writing " + first.chunk(),
                        List.of(ThreadViews.thrown(first.thread(), first.refused()))));
    }

    /** Whether {@code thrown} (null: nothing thrown) is {@code failure}, or has it as a cause or suppressed. */
    private static boolean carries(Throwable thrown, Throwable failure) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == failure || t == failure.getCause()) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed == failure) {
                    return true;
                }
            }
        }
        return false;
    }
}
