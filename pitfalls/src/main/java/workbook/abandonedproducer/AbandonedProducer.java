package workbook.abandonedproducer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadLeakDetector;
import workbook.harness.Trial;

/**
 * Fetches a file a few times from one fast mirror and two slow ones, the fast one at a different place in the list
 * each call. The fast mirror answers once every mirror has been asked; the slow ones answer only after the fetch has
 * returned, so their copies always come after the caller has left. Each call must ask all mirrors at once and return
 * the fast copy as soon as it arrives; then the scenario lists the download threads still alive a grace period after
 * the last mirror answered.
 */
public final class AbandonedProducer implements Pitfall<FileSource> {

    static final int CALLS = 5;
    static final int MIRRORS = 3;
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);
    /** How long a fetch may keep its caller after the first copy arrived: far more than handing it over takes. */
    static final Duration RETURN_LIMIT = Duration.ofMillis(500);
    static final Duration GRACE = Duration.ofMillis(500);
    /** Starting a download takes well under a millisecond: asking the mirrors over longer is asking in turn. */
    static final Duration ASK_SPREAD_LIMIT = Duration.ofMillis(50);
    /** The stacks shown; the rest are counted. */
    static final int THREADS_SHOWN = 2;

    @Override
    public String id() {
        return "abandoned-producer";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LEAK;
    }

    @Override
    public Class<FastestMirror> subject() {
        return FastestMirror.class;
    }

    @Override
    public Finding run(Class<? extends FileSource> implementation, Trial trial) throws Exception {
        ThreadLeakDetector threads = ThreadLeakDetector.snapshot();
        List<MirrorSet> calls = new ArrayList<>();
        int firstFastAt = ThreadLocalRandom.current().nextInt(MIRRORS);
        long slowestReturn = 0;
        try (CallerThread caller = new CallerThread()) {
            for (int call = 1; call <= CALLS; call++) {
                // The fast mirror moves along the list, so no position is always the lucky one.
                MirrorSet mirrors = new MirrorSet(MIRRORS, (firstFastAt + call) % MIRRORS);
                calls.add(mirrors);
                Finding wrong = fetchOnce(implementation, trial, caller, mirrors, "report-" + call + ".pdf");
                if (wrong != null) {
                    return wrong;
                }
                slowestReturn = Math.max(slowestReturn, mirrors.returnedAfterFirstCopyMillis());
            }
        } finally {
            calls.forEach(MirrorSet::callReturned);
        }
        for (MirrorSet mirrors : calls) {
            mirrors.awaitSlowAnswers(CALL_LIMIT);
        }
        List<Evidence.ThreadView> leaked = threads.survivorsAfter(GRACE, trial.lockNames());
        if (leaked.isEmpty()) {
            return trial.clean(String.format(Locale.ROOT,
                    "%d fetches asked all %d mirrors at once and returned the fast copy at most %,d ms after it "
                            + "arrived, and every download thread ended within %,d ms of its mirror's answer",
                    CALLS, MIRRORS, slowestReturn, GRACE.toMillis()));
        }
        return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                "%d fetches returned, yet %d %s they started %s still alive %,d ms after the last mirror answered",
                CALLS, leaked.size(), leaked.size() == 1 ? "thread" : "threads", leaked.size() == 1 ? "is" : "are",
                GRACE.toMillis()), new Count("threads left alive", 0, leaked.size()),
                new Evidence.Threads(shown(leaked.size()), leaked.subList(0, Math.min(THREADS_SHOWN, leaked.size()))));
    }

    /** One call of fetch: null if it kept every promise, otherwise the finding that says which it broke. */
    private static Finding fetchOnce(Class<? extends FileSource> implementation, Trial trial, CallerThread caller,
            MirrorSet mirrors, String file) throws InterruptedException {
        FileSource source = Subjects.create(implementation, mirrors.mirrors());
        String[] copy = new String[1];
        CallerThread.Returned returned = caller.timed("fetch()", CALL_LIMIT, () -> {
            copy[0] = source.fetch(file);
            mirrors.callReturned();
        }, trial.lockNames());
        mirrors.callReturned();
        String fast = "the fast mirror (" + ordinal(mirrors.fastAt() + 1) + " of " + MIRRORS + ")";
        if (!returned.ok()) {
            String why;
            if (mirrors.firstCopyArrived()) {
                why = String.format(Locale.ROOT, "; %s had answered %,d ms before", fast,
                        mirrors.millisSinceFirstCopy());
            } else if (!mirrors.fastAsked()) {
                why = String.format(Locale.ROOT, "; by then %d of the %d mirrors had been asked, and not %s; the "
                        + "contract says it asks every mirror at once", mirrors.asked(), MIRRORS, fast);
            } else {
                why = String.format(Locale.ROOT, "; by then %d of the %d mirrors had been asked, and %s had not "
                        + "answered", mirrors.asked(), MIRRORS, fast);
            }
            return trial.notWorking(returned.problem() + why, returned.evidence().toArray(Evidence[]::new));
        }
        if (!(file + " from fast").equals(copy[0])) {
            return trial.notWorking(
                    "fetch() returned " + (copy[0] == null ? "null" : "\"" + copy[0] + "\"") + ", not the copy of "
                            + fast + ", which answered first");
        }
        if (mirrors.mostInFlight() < MIRRORS) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "fetch() did not ask the mirrors at once: at most %d of the %d downloads %s in flight at the "
                            + "same time, and %s waited %,d ms for the others to be asked before it answered; the "
                            + "contract says it asks every mirror at once",
                    mirrors.mostInFlight(), MIRRORS, mirrors.mostInFlight() == 1 ? "was" : "were", fast,
                    MirrorSet.ALL_ASKED_LIMIT.toMillis()),
                    new Count("downloads in flight at once", MIRRORS, mirrors.mostInFlight()));
        }
        if (mirrors.askSpreadMillis() > ASK_SPREAD_LIMIT.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "fetch() did not ask the mirrors at once: the last of the %d was asked %,d ms after the first; "
                            + "the contract says it asks every mirror at once, and %s was kept waiting meanwhile",
                    MIRRORS, mirrors.askSpreadMillis(), fast));
        }
        long late = mirrors.returnedAfterFirstCopyMillis();
        if (late > RETURN_LIMIT.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "fetch() kept its caller %,d ms after the first copy arrived; the contract says it returns as "
                            + "soon as the first copy arrives",
                    late));
        }
        return null;
    }

    private static String ordinal(int n) {
        return n + switch (n) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String shown(int leaked) {
        return leaked <= THREADS_SHOWN
                ? "The threads left alive"
                : "The first " + THREADS_SHOWN + " of the " + leaked + " threads left alive";
    }
}
