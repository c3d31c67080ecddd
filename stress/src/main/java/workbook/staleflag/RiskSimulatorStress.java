package workbook.staleflag;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * The risk desk starts a simulation, and stops it when the end of the day is signalled. A termination test: jcstress
 * signals, and waits for the desk's {@code stop()} to return; when it never does, the outcome is STALE. The simulation's
 * loop is compiled after a few samples, and only then can the JIT read the flag once.
 */
public class RiskSimulatorStress {

    static RiskSimulator simulator() {
        return new RiskSimulator(new Portfolio(100_000_000L, 2_000_000L), 42);
    }

    @JCStressTest(Mode.Termination)
    @Description("outcome: whether the desk's stop() returned after the end of the day was signalled")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "stop() returned: the simulation saw the flag and ended")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING, desc = "stop() never returned: the simulation never saw the flag")
    @State
    public static class Broken {
        private final RiskSimulator simulator = simulator();
        private volatile boolean endOfDay;

        @Actor
        public void desk() throws InterruptedException {
            simulator.start();
            while (!endOfDay) {
                Thread.onSpinWait();
            }
            simulator.stop();
        }

        @Signal
        public void endOfDay() {
            endOfDay = true;
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("outcome: whether the desk's stop() returned after the end of the day was signalled")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "stop() returned: the simulation saw the flag and ended")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "stop() never returned: the simulation never saw the flag")
    @State
    public static class Fixed {
        private final RiskSimulator simulator = simulator();
        private volatile boolean endOfDay;

        @Actor
        public void desk() throws InterruptedException {
            simulator.start();
            while (!endOfDay) {
                Thread.onSpinWait();
            }
            simulator.stop();
        }

        @Signal
        public void endOfDay() {
            endOfDay = true;
        }
    }
}
