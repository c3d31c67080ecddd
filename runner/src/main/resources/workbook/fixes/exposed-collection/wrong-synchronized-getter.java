package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;

// Wrong fix: make members() synchronized too, like join() and leave(). The lock is held while the method returns
// the list, not while the caller iterates it: the iteration still runs without the lock, against the moderator.
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
    public synchronized List<String> members() {
        return members;
    }
}
