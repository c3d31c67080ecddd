package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

// Wrong fix: hand out Collections.unmodifiableList(members), so that no caller can change the room's list. But it
// is a view, not a copy: iterating it walks the same ArrayList the moderator changes, and throws the same way.
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
        return Collections.unmodifiableList(members);
    }
}
