package workbook.exposedcollection;

import java.util.List;

/**
 * The members of one chat room: moderators let people in and out, and every message is broadcast to the members.
 * The promises beyond the list: it is safe to call from many threads at once; {@code members()} returns the members
 * as they were at one moment since the call began (everyone whose {@code join} had returned before the call and who
 * had not begun to {@code leave}, and nobody who had left before the call or never joined, each once); and the caller
 * may iterate over the list for as long as it likes while others join and leave: its iteration is not disturbed by
 * them, and their calls do not wait for it.
 */
public interface ChatRoom {

    /** Lets {@code member} in; they are not in the room yet. */
    void join(String member);

    /** Lets {@code member} out; they are in the room. */
    void leave(String member);

    /** Who is in the room, for a broadcast to go through. */
    List<String> members();
}
