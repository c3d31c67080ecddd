package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;

// Wrong fix: copy the list under a lock, but the list's own monitor, synchronized (members), while join() and
// leave() hold the room's. Two locks guard nothing against each other: the copy still meets the list half changed.
// expect: STILL BROKEN

/** A chat room: moderators let members in and out, and broadcasts go to everyone in it. */
public class Room implements ChatRoom {

    private final List<String> members = new ArrayList<>();

    @Override
    public synchronized void join(String member) {
        members.add(member);
    }

    @Override
    public synchronized void leave(String member) {
        members.remove(member);
    }

    @Override
    public List<String> members() {
        synchronized (members) {
            return new ArrayList<>(members);
        }
    }
}
