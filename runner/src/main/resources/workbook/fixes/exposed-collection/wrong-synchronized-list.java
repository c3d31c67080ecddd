package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

// Wrong fix: keep the members in Collections.synchronizedList(...), a thread-safe list, and return it. Each call
// on it takes its lock, but iterating it does not (its Javadoc says the caller must hold the lock to iterate).
// expect: STILL BROKEN

/** A chat room: moderators let members in and out, and broadcasts go to everyone in it. */
public class Room implements ChatRoom {

    private final List<String> members = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void join(String member) {
        members.add(member);
    }

    @Override
    public void leave(String member) {
        members.remove(member);
    }

    @Override
    public List<String> members() {
        return members;
    }
}
