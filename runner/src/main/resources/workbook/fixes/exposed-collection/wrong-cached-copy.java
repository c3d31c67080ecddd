package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;

// Wrong fix: copying on every call is "too slow", so keep an immutable copy and refresh it every 10th change. No
// iteration throws, but a broadcast made just after a join returned can miss the new member, or reach one who left.
// expect: DOES NOT WORK

/** A chat room: moderators let members in and out, and broadcasts go to everyone in it. */
public class Room implements ChatRoom {

    private static final int REFRESH_EVERY = 10;

    private final List<String> members = new ArrayList<>();
    private volatile List<String> snapshot = List.of();
    private int changes;

    @Override
    public synchronized void join(String member) {
        members.add(member);
        changed();
    }

    @Override
    public synchronized void leave(String member) {
        members.remove(member);
        changed();
    }

    private void changed() {
        if (++changes % REFRESH_EVERY == 0) {
            snapshot = List.copyOf(members);
        }
    }

    @Override
    public List<String> members() {
        return snapshot;
    }
}
