package workbook.exposedcollection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

// Right fix: a CopyOnWriteArrayList. Every join or leave replaces its array with a changed copy; an iterator walks
// the array it started with, which nobody changes, so a broadcast sees the members of one moment and never throws.
// expect: FIXED

/** A chat room: moderators let members in and out, and broadcasts go to everyone in it. */
public class Room implements ChatRoom {

    private final List<String> members = new CopyOnWriteArrayList<>();

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
