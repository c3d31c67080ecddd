package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

// Right fix: keep the members in Collections.synchronizedList(...) and hand out a copy of it. The copy is made by
// the synchronized list's toArray(), which holds its lock, the same lock every join and leave takes.
// expect: FIXED

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
        return new ArrayList<>(members);
    }
}
