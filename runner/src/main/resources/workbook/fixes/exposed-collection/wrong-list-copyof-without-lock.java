package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;

// Wrong fix: return List.copyOf(members), an immutable copy, without the lock, "since the copy is read-only". The
// copying reads the list while the moderator changes it: it meets a half-changed list and throws, or copies one.
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
        return List.copyOf(members);
    }
}
