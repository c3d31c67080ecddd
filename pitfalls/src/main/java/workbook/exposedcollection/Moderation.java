package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The moderator's changes of one round, drawn before it starts: each lets in someone who is out or lets out someone
 * who is in, picked at random among the round's names, so that every change changes the list and the room hovers
 * around half full. The members after each change are kept as a bit set (a bit per name), so that a broadcast can
 * tell which moments of the room a list it got matches. Around each change the moderator publishes the number of the
 * change it has begun and of the last one that returned, and between changes it does some work of its own, for a
 * time drawn anew each change around a pace drawn anew each round.
 */
final class Moderation {

    static final String MODERATOR = "moderator-1";
    static final int MIN_NAMES = 24;
    static final int MAX_NAMES = 64;
    static final long MAX_PACE_NANOS = 4_000;

    private static final String[] PEOPLE = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
            "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter",
            "yara", "zoe", "amir", "bea", "chen", "dmitri", "eva", "farah", "goran", "hana", "ines", "jonas", "kofi",
            "lena", "marek", "noor", "oskar", "priya", "quinn", "rosa", "sami", "tariq", "uma", "vera", "wen", "ximena",
            "yusuf", "zainab", "anil", "bruno", "clara", "diego", "elif", "femi", "gita", "hugo", "ida", "jamal",
            "kira", "luca", "mina", "nils", "omar", "pia", "raj", "sara", "tomas", "ulla", "vik", "wanda", "xavi"};

    /** Written before the round's threads start, and only read after. */
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] who;
    private final long[] after;
    private final long paceNanos;
    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();

    Moderation(int changes, SplittableRandom random) {
        List<String> people = new ArrayList<>(Arrays.asList(PEOPLE));
        int count = random.nextInt(MIN_NAMES, MAX_NAMES + 1);
        names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = people.remove(random.nextInt(people.size()));
            index.put(names[i], i);
        }
        who = new int[changes + 1];
        after = new long[changes + 1];
        for (int n = 1; n <= changes; n++) {
            who[n] = random.nextInt(count);
            after[n] = after[n - 1] ^ (1L << who[n]);
        }
        // Many short pauses and some long ones: from changes back to back to a few microseconds apart.
        paceNanos = (long) Math.pow(MAX_PACE_NANOS, random.nextDouble());
    }

    int changes() {
        return who.length - 1;
    }

    /** The number of the change the moderator has begun (it may not have returned). */
    long begun() {
        return begun.get();
    }

    /** The number of the last change that returned. */
    long returned() {
        return returned.get();
    }

    /** Change {@code n} (from 1), on the moderator's thread, then the moderator's own work. */
    void change(ChatRoom room, int n, SplittableRandom random) {
        // A full fence: the room's own writes cannot move above it, so whoever sees them sees this number.
        begun.set(n);
        if (joins(n)) {
            room.join(names[who[n]]);
        } else {
            room.leave(names[who[n]]);
        }
        returned.lazySet(n);
        long until = System.nanoTime() + random.nextLong(paceNanos * 2 + 1);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    boolean joins(int n) {
        return (after[n] & (1L << who[n])) != 0;
    }

    /** The members after change {@code n}, a bit per name; after change 0 the room is empty. */
    long after(long n) {
        return after[(int) n];
    }

    /** The name's bit, or -1 for a name that is none of the round's. */
    int bit(String name) {
        Integer bit = index.get(name);
        return bit == null ? -1 : bit;
    }

    String name(int bit) {
        return names[bit];
    }

    /** Change {@code n} as the moderator called it, e.g. {@code join("dave")}. */
    String call(long n) {
        return (joins((int) n) ? "join" : "leave") + "(\"" + names[who[(int) n]] + "\")";
    }

    /** The names in a bit set, in alphabetical order. */
    List<String> names(long members) {
        List<String> list = new ArrayList<>();
        for (int bit = 0; bit < names.length; bit++) {
            if ((members & (1L << bit)) != 0) {
                list.add(names[bit]);
            }
        }
        list.sort(null);
        return list;
    }

    /** The last change up to {@code n} that let this name in or out, or 0 if none did. */
    long lastChangeOf(int bit, long n) {
        for (long m = n; m > 0; m--) {
            if (who[(int) m] == bit) {
                return m;
            }
        }
        return 0;
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
