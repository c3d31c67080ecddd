package workbook.exposedcollection;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import java.util.ConcurrentModificationException;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A broadcast goes through the members of a room of ten while an eleventh joins. Recorded: how many members the
 * broadcast reached, or -1 if iterating over them threw a ConcurrentModificationException.
 */
public class RoomStress {

    static void fill(ChatRoom room) {
        for (int member = 1; member <= 10; member++) {
            room.join("member-" + member);
        }
    }

    static int broadcast(ChatRoom room) {
        try {
            int reached = 0;
            for (String member : room.members()) {
                if (member != null) {
                    reached++;
                }
            }
            return reached;
        } catch (ConcurrentModificationException e) {
            return -1;
        }
    }

    @JCStressTest
    @Description("outcome: how many members the broadcast reached (-1: it threw)")
    @Outcome(id = "10", expect = ACCEPTABLE, desc = "the broadcast reached the ten members before cy joined")
    @Outcome(id = "11", expect = ACCEPTABLE, desc = "the broadcast reached cy too")
    @Outcome(id = "-1", expect = ACCEPTABLE_INTERESTING, desc = "ConcurrentModificationException: the broadcast failed")
    @State
    public static class Broken {
        private final Room room = new Room();

        public Broken() {
            fill(room);
        }

        @Actor
        public void broadcast(I_Result r) {
            r.r1 = RoomStress.broadcast(room);
        }

        @Actor
        public void moderator() {
            room.join("cy");
        }
    }

    @JCStressTest
    @Description("outcome: how many members the broadcast reached (-1: it threw)")
    @Outcome(id = "10", expect = ACCEPTABLE, desc = "the broadcast reached the ten members before cy joined")
    @Outcome(id = "11", expect = ACCEPTABLE, desc = "the broadcast reached cy too")
    @Outcome(id = "-1", expect = FORBIDDEN, desc = "ConcurrentModificationException: the broadcast failed")
    @State
    public static class Fixed {
        private final Room room = new Room();

        public Fixed() {
            fill(room);
        }

        @Actor
        public void broadcast(I_Result r) {
            r.r1 = RoomStress.broadcast(room);
        }

        @Actor
        public void moderator() {
            room.join("cy");
        }
    }
}
