package workbook.exposedcollection;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The broadcasters' side of a round: each broadcast asks the room for its members and sends a message to each, some
 * work per member (more for some broadcasts, none for others), so that the moderator's changes fall inside the
 * iteration. Every list is judged against the moderator's changes: it must match the room after one change from the
 * last that had returned before {@code members()} was called to the last that had begun when the iteration ended.
 * Each broadcaster keeps its own tally, read by the scenario once the broadcasters have stopped.
 */
final class Broadcasts {

    static final String ROLE = "broadcast";
    /** The most message lines built per member; a broadcast draws how many, from none. */
    static final int MAX_WORK = 6;
    /** Moments searched back for the one a stale list came from. */
    static final int LOOK_BACK = 20_000;

    private static final String[] LINES = {"standup in 5", "who broke the build?", "deploy is green",
            "lunch?", "see the incident channel", "rolling back"};

    /**
     * A call that threw, or a step of an iteration that did: the changes the moderator began between the last
     * change that had returned when the list was last found unchanged ({@code passed}) and the failure.
     */
    record Thrown(String broadcaster, Throwable failure, boolean inMembers, int sent, int size, long passed,
            long begun, long returned, String listType) {

        /**
         * How plainly it shows the pitfall, lower being plainer: one change that hit the iteration (not thousands,
         * made while the broadcaster was descheduled), in the middle of the list, while the change was under way.
         */
        long rank() {
            long hit = begun - passed;
            long changes = hit <= 0 ? Long.MAX_VALUE / 8 : hit - 1;
            boolean middle = sent > 0 && sent < size;
            return changes * 4 + (middle ? 0 : 2) + (returned < begun ? 0 : 1);
        }
    }

    /** A list that matched the room at no moment from {@code from} to {@code to}. */
    record Wrong(String broadcaster, List<String> got, long gotMembers, boolean hasNull, String twice,
            String stranger, long from, long to, long staleAt) {
        /** Nulls, a member twice, or a name nobody had: a copy taken while the list was half changed. */
        boolean torn() {
            return hasNull || twice != null || stranger != null;
        }

        /**
         * How plainly it shows what went wrong, lower being plainer: a torn list first, then one with members in it,
         * then the shortest window (a broadcaster descheduled for thousands of changes shows little).
         */
        long rank() {
            return (torn() ? 0 : 2L << 40) + (got.isEmpty() ? 1L << 40 : 0) + (to - from);
        }
    }

    static final class Tally {
        long broadcasts;
        /** Broadcasts during whose iteration the moderator began or finished a change. */
        long overlapped;
        long thrown;
        long torn;
        long wrong;
        long nulls;
        /** The plainest of the failures thrown (see {@link Thrown#rank()}). */
        Thrown shownThrown;
        /** The plainest of the wrong lists (see {@link Wrong#rank()}). */
        Wrong shownWrong;
        Object firstList;
        /** The members the current broadcast went to, in its order (as many as fit). */
        final String[] seen = new String[Moderation.MAX_NAMES * 2];
        boolean sameList = true;
        String listType;
        long sink;
    }

    private final Moderation moderation;
    private final Tally[] tallies;
    private final SplittableRandom[] randoms;

    Broadcasts(Moderation moderation, int broadcasters, SplittableRandom random) {
        this.moderation = moderation;
        this.tallies = new Tally[broadcasters];
        this.randoms = new SplittableRandom[broadcasters];
        for (int i = 0; i < broadcasters; i++) {
            tallies[i] = new Tally();
            randoms[i] = random.split();
        }
    }

    Tally tally(int broadcaster) {
        return tallies[broadcaster];
    }

    /** All broadcasters' tallies in one, the first failures of the first broadcaster that had any. */
    Tally total() {
        Tally all = new Tally();
        all.listType = tallies[0].listType;
        for (Tally one : tallies) {
            all.broadcasts += one.broadcasts;
            all.overlapped += one.overlapped;
            all.thrown += one.thrown;
            all.torn += one.torn;
            all.wrong += one.wrong;
            all.nulls += one.nulls;
            all.shownThrown = plainer(all.shownThrown, one.shownThrown);
            all.shownWrong = plainer(all.shownWrong, one.shownWrong);
            all.sameList &= one.sameList && (all.firstList == null || one.firstList == null
                    || all.firstList == one.firstList);
            all.firstList = all.firstList == null ? one.firstList : all.firstList;
        }
        return all;
    }

    static String name(int broadcaster) {
        return ROLE + "-" + (broadcaster + 1);
    }

    /** One broadcast, on broadcaster {@code b}'s thread. */
    void broadcast(int b, ChatRoom room) {
        Tally tally = tallies[b];
        int work = randoms[b].nextInt(MAX_WORK + 1);
        long from = moderation.returned();
        List<String> list;
        try {
            list = room.members();
        } catch (RuntimeException e) {
            tally.broadcasts++;
            tally.overlapped++;
            thrown(tally, new Thrown(name(b), e, true, 0, -1, from, moderation.begun(), moderation.returned(), null));
            return;
        }
        tally.broadcasts++;
        if (list == null) {
            tally.nulls++;
            return;
        }
        noteList(tally, list);
        long begunBefore = moderation.begun();
        long returnedBefore = moderation.returned();
        int size = list.size();
        long members = 0;
        int sent = 0;
        boolean hasNull = false;
        String twice = null;
        String stranger = null;
        // The last change that had returned before the iterator last checked the list and found it unchanged.
        long passed = returnedBefore;
        try {
            Iterator<String> iterator = list.iterator();
            while (true) {
                long now = moderation.returned();
                if (!iterator.hasNext()) {
                    break;
                }
                String member = iterator.next();
                passed = now;
                if (sent < tally.seen.length) {
                    tally.seen[sent] = member;
                }
                sent++;
                if (member == null) {
                    hasNull = true;
                    continue;
                }
                tally.sink += send(member, work);
                int bit = moderation.bit(member);
                if (bit < 0) {
                    stranger = stranger == null ? member : stranger;
                } else if ((members & (1L << bit)) != 0) {
                    twice = twice == null ? member : twice;
                } else {
                    members |= 1L << bit;
                }
            }
        } catch (RuntimeException e) {
            tally.overlapped++;
            thrown(tally, new Thrown(name(b), e, false, sent, size, passed, moderation.begun(), moderation.returned(),
                    list.getClass().getName()));
            return;
        }
        long to = moderation.begun();
        if (to != begunBefore || moderation.returned() != returnedBefore) {
            tally.overlapped++;
        }
        judge(tally, name(b), sent, members, hasNull, twice, stranger, from, to);
    }

    /** The message lines for one member: the work a real broadcast does per member (formatting, encoding). */
    private static long send(String member, int work) {
        long sum = 0;
        for (int i = 0; i < work; i++) {
            sum += ("@" + member + " " + LINES[i]).hashCode();
        }
        return sum;
    }

    private void judge(Tally tally, String broadcaster, int sent, long members, boolean hasNull,
            String twice, String stranger, long from, long to) {
        if (!hasNull && twice == null && stranger == null) {
            // Every moment of the window, however long the broadcaster was descheduled in it.
            for (long n = from; n <= to; n++) {
                if (moderation.after(n) == members) {
                    return;
                }
            }
        }
        long staleAt = -1;
        for (long n = from - 1; n >= 0 && from - n <= LOOK_BACK && staleAt < 0; n--) {
            if (moderation.after(n) == members) {
                staleAt = n;
            }
        }
        List<String> got = Arrays.asList(Arrays.copyOf(tally.seen, Math.min(sent, tally.seen.length)));
        Wrong wrong = new Wrong(broadcaster, got, members, hasNull, twice, stranger, from, to, staleAt);
        if (wrong.torn()) {
            tally.torn++;
        } else {
            tally.wrong++;
        }
        tally.shownWrong = plainer(tally.shownWrong, wrong);
    }

    private static void thrown(Tally tally, Thrown thrown) {
        tally.thrown++;
        tally.shownThrown = plainer(tally.shownThrown, thrown);
    }

    private static Thrown plainer(Thrown shown, Thrown next) {
        return shown == null || next != null && next.rank() < shown.rank() ? next : shown;
    }

    private static Wrong plainer(Wrong shown, Wrong next) {
        return shown == null || next != null && next.rank() < shown.rank() ? next : shown;
    }

    private static void noteList(Tally tally, List<String> list) {
        if (tally.firstList == null) {
            tally.firstList = list;
            tally.listType = list.getClass().getName();
        } else if (tally.firstList != list) {
            tally.sameList = false;
        }
    }
}
