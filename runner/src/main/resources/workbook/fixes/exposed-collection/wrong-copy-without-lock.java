package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;

// Wrong fix: return a copy, new ArrayList<>(members), so that callers iterate their own list. But the copy is made
// without the lock the moderator holds: copying is a loop over the list too, and it meets the list half changed.
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
        return new ArrayList<>(members);
    }
}
