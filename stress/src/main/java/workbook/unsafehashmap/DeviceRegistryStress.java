package workbook.unsafehashmap;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two devices connect at once to a fresh registry; their ids ("Aa" and "BB") have the same hash code, so they go in
 * the same bin. Recorded: how many devices the registry counts, and how many of the two it finds.
 */
public class DeviceRegistryStress {

    @JCStressTest
    @Description("outcome: how many devices the registry counts, and how many of the two it finds")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "both devices registered")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "a device lost: counted or found fewer than two")
    @State
    public static class Broken {
        private final DeviceRegistry registry = new DeviceRegistry();

        @Actor
        public void firstConnection() {
            registry.register(new Device("Aa", "10.0.0.1"));
        }

        @Actor
        public void secondConnection() {
            registry.register(new Device("BB", "10.0.0.2"));
        }

        @Arbiter
        public void lookUp(II_Result r) {
            r.r1 = registry.count();
            r.r2 = (registry.find("Aa") == null ? 0 : 1) + (registry.find("BB") == null ? 0 : 1);
        }
    }

    @JCStressTest
    @Description("outcome: how many devices the registry counts, and how many of the two it finds")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "both devices registered")
    @Outcome(expect = FORBIDDEN, desc = "a device lost: counted or found fewer than two")
    @State
    public static class Fixed {
        private final DeviceRegistry registry = new DeviceRegistry();

        @Actor
        public void firstConnection() {
            registry.register(new Device("Aa", "10.0.0.1"));
        }

        @Actor
        public void secondConnection() {
            registry.register(new Device("BB", "10.0.0.2"));
        }

        @Arbiter
        public void lookUp(II_Result r) {
            r.r1 = registry.count();
            r.r2 = (registry.find("Aa") == null ? 0 : 1) + (registry.find("BB") == null ? 0 : 1);
        }
    }
}
