package workbook.exposedcollection;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * A moderator thread lets people in and out of one room, tens of thousands of times a round at a pace drawn anew
 * ({@link Moderation}), while two broadcaster threads ask the room for its members and send a message to each, with
 * some work per member ({@link Broadcasts}). Every broadcast must get through, and every list must hold the members
 * of one moment since its call. An iteration that throws, or a list copied while it was half changed, is the pitfall;
 * a list of a moment before the call (a cache refreshed now and then), or of no moment at all, breaks the contract in
 * another way. Rounds repeat until a broadcast went wrong, or until enough broadcasts had a join or leave begin or
 * return while they iterated: only then is a room CLEAN.
 */
public final class ExposedCollection implements Pitfall<ChatRoom> {

    static final int BROADCASTERS = 2;
    static final int MIN_CHANGES = 20_000;
    static final int MAX_CHANGES = 40_000;
    static final int MIN_ROUNDS = 6;
    /** Broadcasts overlapping a change after which a list handed out as it is has always been caught. */
    static final long ENOUGH_OVERLAPS = 20_000;
    static final Duration ROUND_LIMIT = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofSeconds(1);
    static final int CHANGES_SHOWN = 3;

    @Override
    public String id() {
        return "exposed-collection";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /**
     * Every thread of a round stops with it, in either variant: a broadcast that throws ends, a broken list leaves no
     * thread behind, and each round has a new room, so trials may share a JVM.
     */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    /**
     * It needs the moderator and the broadcasters truly running at once: a copy made without the lock is caught only
     * between the steps of a change, which a busy machine rarely lets the two threads meet in.
     */
    @Override
    public boolean needsIdleCores() {
        return true;
    }

    @Override
    public Class<Room> subject() {
        return Room.class;
    }

    @Override
    public Finding run(Class<? extends ChatRoom> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        long changes = 0;
        long broadcasts = 0;
        long overlaps = 0;
        int round = 0;
        while (!trial.outOfTime() && (round < MIN_ROUNDS || overlaps < ENOUGH_OVERLAPS)) {
            round++;
            Moderation moderation = new Moderation(random.nextInt(MIN_CHANGES, MAX_CHANGES + 1), random);
            Broadcasts casts = new Broadcasts(moderation, BROADCASTERS, random);
            SplittableRandom pace = random.split();
            ChatRoom room = Subjects.create(implementation);
            Duration limit = trial.remaining().compareTo(ROUND_LIMIT) < 0 ? trial.remaining() : ROUND_LIMIT;
            Stress casting = Stress.start(Broadcasts.ROLE, BROADCASTERS, Long.MAX_VALUE, limit,
                    (b, n) -> casts.broadcast(b, room));
            Stress.Result moderated = Stress.start("moderator", 1, moderation.changes(), limit,
                    (m, n) -> moderation.change(room, (int) n + 1, pace)).await(GRACE);
            casting.stop();
            Stress.Result cast = casting.await(GRACE);
            Finding failed = Verdicts.stuckOrThrew(moderation, moderated, cast, trial);
            if (failed != null) {
                return failed;
            }
            Broadcasts.Tally tally = casts.total();
            Finding wrong = new Verdicts(moderation, tally, moderated.total(), round, trial).wrong();
            if (wrong != null) {
                return wrong;
            }
            changes += moderated.total();
            broadcasts += tally.broadcasts;
            overlaps += tally.overlapped;
        }
        if (round >= MIN_ROUNDS && overlaps >= ENOUGH_OVERLAPS) {
            return trial.clean(String.format(Locale.ROOT,
                    "in %d rounds %s let people in and out %,d times while broadcast-1 and broadcast-2 made %,d "
                            + "broadcasts, %,d of them while a join or leave began or returned: none threw, and "
                            + "every list held the members of one moment since its call",
                    round, Moderation.MODERATOR, changes, broadcasts, overlaps),
                    new Count("broadcasts that got the members of one moment", broadcasts, broadcasts));
        }
        return trial.inconclusive(String.format(Locale.ROOT,
                "every broadcast got the members of one moment, but in %,d ms only %,d of %,d broadcasts in %d rounds"
                        + " had a join or leave begin or return while they iterated (%,d needed, in at least %d "
                        + "rounds), while %s made %,d changes: the moderator and the broadcasters hardly ran at the "
                        + "same time, because this machine is too busy to run them at once or because the room made "
                        + "one side wait for the other; too few to tell",
                trial.elapsedMillis(), overlaps, broadcasts, round, ENOUGH_OVERLAPS, MIN_ROUNDS,
                Moderation.MODERATOR, changes));
    }

    /** The failure thrown as the broadcaster's thread shows it, as a stack trace would. */
    static Evidence.Threads thrownIn(String thread, Throwable failure) {
        return new Evidence.Threads("Where it was thrown", List.of(ThreadViews.thrown(thread, failure)));
    }
}
