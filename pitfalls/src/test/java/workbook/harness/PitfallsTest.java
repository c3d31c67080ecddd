package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PitfallsTest {

    @Test
    void byIdFindsEveryPitfallOfTheCatalogAndNothingElse() {
        List<Pitfall<?>> all = Pitfalls.all();
        assertTrue(all.size() > 1, "the catalog has pitfalls");

        for (Pitfall<?> pitfall : all) {
            Pitfall<?> found = Pitfalls.byId(pitfall.id()).orElseThrow(() -> new AssertionError(pitfall.id()));
            assertEquals(pitfall.getClass(), found.getClass(), pitfall.id());
        }
        assertFalse(Pitfalls.byId("no-such-pitfall").isPresent());
        assertFalse(Pitfalls.byId("").isPresent());
    }
}
