package workbook.exposedcollection;

import java.util.ArrayList;
import java.util.List;

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
        return members;
    }
}
