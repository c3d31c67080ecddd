package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationProbeTest {

    @Test
    void countsWorkBeforeAndAfterTheCancel() throws Exception {
        CancellationProbe probe = new CancellationProbe();
        probe.work("tick 1");
        probe.work("tick 2");
        probe.cancelled("cancel(true)");
        Thread.sleep(2);
        probe.work("tick 3");

        assertEquals(2, probe.workBeforeCancel());
        assertEquals(1, probe.workAfterCancel());
        assertTrue(probe.awaitWorkAfterCancel(1, Duration.ZERO));
        assertEquals(List.of("tick 1", "tick 2", "cancel(true)", "tick 3  <- after cancel"),
                probe.timeline("t").events().stream().map(Evidence.Event::what).toList());
    }

    @Test
    void workThatStopsAtTheCancelIsNeverCountedAfterIt() throws Exception {
        CancellationProbe probe = new CancellationProbe();
        probe.work("tick 1");
        probe.cancelled("cancel(true)");

        assertFalse(probe.awaitWorkAfterCancel(1, Duration.ofMillis(50)));
        assertTrue(probe.millisSinceCancel() >= 0);
    }

    @Test
    void beforeTheCancelNothingIsLate() {
        CancellationProbe probe = new CancellationProbe();
        probe.work("tick");

        assertEquals(0, probe.workAfterCancel());
        assertEquals(-1, probe.millisSinceCancel());
    }
}
