package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;

// Right fix: every change, under the lock, publishes a fresh immutable copy in a volatile field; members() returns
// the latest copy without locking. A broadcast gets a list nobody changes, as it was after the last change.
// expect: FIXED

/** A chat room: moderators let members in and out, and broadcasts go to everyone in it. */
public class Room implements ChatRoom {

    private final List<String> members = new ArrayList<>();
    private volatile List<String> snapshot = List.of();

    @Override
    public synchronized void join(String member) {
        members.add(member);
        snapshot = List.copyOf(members);
    }

    @Override
    public synchronized void leave(String member) {
        members.remove(member);
        snapshot = List.copyOf(members);
    }

    @Override
    public List<String> members() {
        return snapshot;
    }
}
