package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Stress;
import workbook.harness.Trial;

/**
 * What one round's broadcasts showed, as a finding: an iteration or a copy that the moderator's changes broke (the
 * pitfall), a call that failed otherwise, or a list of the wrong moment; or nothing wrong ({@code null}).
 */
final class Verdicts {

    private final Moderation moderation;
    private final Broadcasts.Tally tally;
    private final long changes;
    private final int round;
    private final Trial trial;

    Verdicts(Moderation moderation, Broadcasts.Tally tally, long changes, int round, Trial trial) {
        this.moderation = moderation;
        this.tally = tally;
        this.changes = changes;
        this.round = round;
        this.trial = trial;
    }

    /** A thread stuck in the room, or a call that threw on the moderator's thread (or an error on a broadcaster's). */
    static Finding stuckOrThrew(Moderation moderation, Stress.Result moderated, Stress.Result cast, Trial trial) {
        if (!moderated.stuck().isEmpty() || !cast.stuck().isEmpty()) {
            List<String> who = new ArrayList<>(moderated.stuck());
            who.addAll(cast.stuck());
            List<Evidence.ThreadView> threads = new ArrayList<>(moderated.stuckThreads());
            threads.addAll(cast.stuckThreads());
            return trial.notWorking(String.join(", ", who) + " never returned from the room: the contract says"
                    + " joins, leaves and broadcasts do not wait for one another",
                    new Evidence.Threads("Where they were stuck", threads));
        }
        if (!moderated.failures().isEmpty()) {
            Throwable failure = moderated.failures().get(0);
            return trial.notWorking(Moderation.MODERATOR + "'s " + moderation.call(moderated.total() + 1) + " threw "
                    + failure, ExposedCollection.thrownIn(Moderation.MODERATOR, failure));
        }
        if (!cast.failures().isEmpty()) {
            Throwable failure = cast.failures().get(0);
            return trial.notWorking("a broadcast threw " + failure, ExposedCollection.thrownIn(Broadcasts.ROLE,
                    failure));
        }
        return null;
    }

    Finding wrong() {
        Broadcasts.Thrown thrown = tally.shownThrown;
        Broadcasts.Wrong wrong = tally.shownWrong;
        if (thrown != null && raced(thrown.failure())) {
            return thrown.inMembers() ? copyThrew(thrown) : iterationThrew(thrown);
        }
        if (wrong != null && wrong.torn()) {
            return torn(wrong);
        }
        if (thrown != null) {
            return trial.notWorking(String.format(Locale.ROOT, "%s %s threw %s", thrown.broadcaster(),
                    thrown.inMembers() ? "called members(), which" : "iterated the list members() returned, and it",
                    thrown.failure()), ExposedCollection.thrownIn(thrown.broadcaster(), thrown.failure()));
        }
        if (tally.nulls > 0) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "members() returned null to %,d of %,d broadcasts: the contract says it returns the members",
                    tally.nulls, tally.broadcasts), oneMoment());
        }
        return wrong == null ? null : wrongMoment(wrong);
    }

    /** Thrown from inside the JDK's collections: a structure changed by one thread while another read it. */
    private static boolean raced(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("java.");
    }

    private Finding iterationThrew(Broadcasts.Thrown thrown) {
        String sent = thrown.sent() == 0
                ? "had not yet sent to any"
                : "had sent to " + thrown.sent();
        String size = thrown.size() < 0 ? "" : " of the " + thrown.size();
        return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                "%s %s%s members that members() returned when %s changed the list under it: its iterator threw %s. "
                        + "In round %d, %,d of %,d broadcasts that had a join or leave begin or return while they "
                        + "iterated threw, of %,d broadcasts while %s made %,d changes",
                thrown.broadcaster(), sent, size, changesHit(thrown), thrown.failure().getClass().getSimpleName(),
                round, tally.thrown, tally.overlapped, tally.broadcasts, Moderation.MODERATOR, changes),
                new Count("broadcasts overlapping a join or leave that got through", tally.overlapped,
                        tally.overlapped - tally.thrown),
                ExposedCollection.thrownIn(thrown.broadcaster(), thrown.failure()),
                new Evidence.Note(whichChange(thrown)), new Evidence.Note(whatWasReturned()),
                new Evidence.Note("A lock around the changes guards the room's list only against threads that"
                        + " take it, and a caller iterating the list members() handed out takes none. The"
                        + " iterator noticed the change (the list's modification count moved) and threw; that is the"
                        + " lucky case: a list changed between two of its checks, or copied as it changes, gives"
                        + " nulls, a member twice or a member missing."));
    }

    private Finding copyThrew(Broadcasts.Thrown thrown) {
        StackTraceElement top = thrown.failure().getStackTrace()[0];
        return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                "members() threw %s on %s, from inside %s, when %s changed the list: it read the room's list while "
                        + "the moderator was changing it. In round %d, %,d of %,d broadcasts threw while %s made "
                        + "%,d changes",
                thrown.failure().getClass().getSimpleName(), thrown.broadcaster(), top.getClassName() + "."
                        + top.getMethodName(),
                changesHit(thrown), round, tally.thrown, tally.broadcasts,
                Moderation.MODERATOR, changes),
                ExposedCollection.thrownIn(thrown.broadcaster(), thrown.failure()),
                new Evidence.Note(whichChange(thrown)),
                new Evidence.Note("A copy is a loop over the list too: made without the lock the moderator holds, it"
                        + " can meet the list half changed (its size already grown, its new slot still empty, or its"
                        + " members being shifted down after a leave)."));
    }

    private Finding torn(Broadcasts.Wrong wrong) {
        String odd = wrong.hasNull()
                ? "a null where a member should be"
                : wrong.twice() != null
                        ? wrong.twice() + " twice"
                        : "\"" + wrong.stranger() + "\", who never joined";
        return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                "%s got a list from members() with %s: the room never looked like that. It was copied, or iterated,"
                        + " while %s was changing it (%s). In round %d, %,d of %,d broadcasts got a list like it%s",
                wrong.broadcaster(), odd, Moderation.MODERATOR, between(wrong.from(), wrong.to()), round, tally.torn,
                tally.broadcasts, tally.wrong == 0
                        ? ""
                        : String.format(Locale.ROOT, ", and %,d more a list of no moment since its call",
                                tally.wrong)),
                oneMoment(), new Evidence.Note(lists(wrong)),
                new Evidence.Note("A copy is a loop over the list too: made without the lock the moderator holds, it"
                        + " can meet the list half changed (its size already grown, its new slot still empty, or its"
                        + " members being shifted down after a leave)."));
    }

    private Finding wrongMoment(Broadcasts.Wrong wrong) {
        long always = ~0L;
        long ever = 0;
        for (long n = wrong.from(); n <= wrong.to(); n++) {
            always &= moderation.after(n);
            ever |= moderation.after(n);
        }
        List<String> missing = moderation.names(always & ~wrong.gotMembers());
        List<String> extra = moderation.names(wrong.gotMembers() & ~ever);
        String what;
        if (!missing.isEmpty()) {
            String name = missing.get(0);
            long joined = moderation.lastChangeOf(moderation.bit(name), wrong.from());
            what = String.format(Locale.ROOT, "without %s, whose join() (change #%,d) had returned before the call,"
                    + " and who had not begun to leave", name, joined);
        } else if (!extra.isEmpty()) {
            String name = extra.get(0);
            long last = moderation.lastChangeOf(moderation.bit(name), wrong.from());
            what = last == 0
                    ? "with " + name + ", who never joined"
                    : String.format(Locale.ROOT, "with %s, whose leave() (change #%,d) had returned before the call",
                            name, last);
        } else {
            what = "that matches the room at no moment " + between(wrong.from(), wrong.to());
        }
        // An old moment the list matches, if it is not merely empty (the room was empty now and then, early on).
        String stale = wrong.staleAt() < 0 || wrong.gotMembers() == 0
                ? ""
                : String.format(Locale.ROOT, " It is the room as it was after change #%,d, %s before the call.",
                        wrong.staleAt(), changeCount(wrong.from() - wrong.staleAt()));
        return trial.notWorking(String.format(Locale.ROOT,
                "%s got a list of %d members from members() %s.%s The contract says members() returns the members "
                        + "as they were at one moment since the call began. In round %d, %,d of %,d broadcasts got a "
                        + "list of no such moment",
                wrong.broadcaster(), wrong.got().size(), what, stale, round, tally.wrong, tally.broadcasts),
                oneMoment(), new Evidence.Note(lists(wrong)));
    }

    private static String changeCount(long n) {
        return n == 1 ? "1 change" : String.format(Locale.ROOT, "%,d changes", n);
    }

    private Count oneMoment() {
        return new Count("broadcasts that got the members of one moment", tally.broadcasts,
                tally.broadcasts - tally.torn - tally.wrong - tally.nulls - tally.thrown);
    }

    /** The changes that were made between the iterator's last good step and the one that threw, as called. */
    private String changesHit(Broadcasts.Thrown thrown) {
        long first = thrown.passed() + 1;
        long last = thrown.begun();
        if (last < first) {
            return Moderation.MODERATOR + "'s changes";
        }
        if (first == last) {
            return Moderation.MODERATOR + "'s " + moderation.call(first);
        }
        return Moderation.MODERATOR + "'s " + calls(first, last);
    }

    private String whichChange(Broadcasts.Thrown thrown) {
        long first = thrown.passed() + 1;
        long last = thrown.begun();
        String when = thrown.inMembers()
                ? "when " + thrown.broadcaster() + " called members()"
                : "when the iterator last found the list unchanged";
        if (last < first) {
            return "No change of " + Moderation.MODERATOR + "'s was under way or begun between the last one that had"
                    + " returned " + when + " and the failure.";
        }
        if (first == last) {
            return String.format(Locale.ROOT, "The change that hit it: %s's %s, change #%,d of round %d. It had not"
                    + " returned %s, and it %s when %s threw.", Moderation.MODERATOR, moderation.call(first), first,
                    round, when, thrown.returned() < first ? "was still under way" : "had just returned",
                    thrown.broadcaster());
        }
        return String.format(Locale.ROOT, "The changes that hit it, one or more of: %s's %s, changes #%,d to #%,d of"
                + " round %d, none of which had returned %s; the last had begun when %s threw.", Moderation.MODERATOR,
                calls(first, last), first, last, round, when, thrown.broadcaster());
    }

    private String calls(long first, long last) {
        List<String> calls = new ArrayList<>();
        for (long n = first; n <= last && calls.size() < ExposedCollection.CHANGES_SHOWN; n++) {
            calls.add(moderation.call(n));
        }
        return String.join(", ", calls) + (last - first + 1 > calls.size()
                ? " and " + (last - first + 1 - calls.size())
                        + " more"
                : "");
    }

    private String whatWasReturned() {
        if (tally.sameList && tally.listType != null) {
            return String.format(Locale.ROOT, "members() returned one and the same %s to both broadcasters in all "
                    + "%,d calls: the room's own list, which %s changes under a lock while the broadcasters iterate"
                    + " it without one.", tally.listType, tally.broadcasts, Moderation.MODERATOR);
        }
        return "members() returned a " + tally.listType + ", a new object each time; still, what its iterator walked"
                + " was changed by " + Moderation.MODERATOR + " while the broadcaster iterated it.";
    }

    private String between(long from, long to) {
        if (to <= from) {
            return String.format(Locale.ROOT, "after change #%,d, the last that had returned before the call", from);
        }
        return String.format(Locale.ROOT, "from change #%,d, the last that had returned before the call, to change "
                + "#%,d, the last that had begun when the broadcast ended", from, to);
    }

    private String lists(Broadcasts.Wrong wrong) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "What %s got (%d entries):%n    %s",
                wrong.broadcaster(), wrong.got().size(), wrong.got()));
        text.append(String.format(Locale.ROOT, "%nThe room after change #%,d, the last that had returned before the "
                + "call (%d members):%n    %s", wrong.from(), Long.bitCount(moderation.after(wrong.from())),
                moderation.names(moderation.after(wrong.from()))));
        if (wrong.to() > wrong.from()) {
            text.append(String.format(Locale.ROOT, "%nThen, until the broadcast ended: %s",
                    calls(wrong.from() + 1, wrong.to())));
        }
        return text.toString();
    }
}
