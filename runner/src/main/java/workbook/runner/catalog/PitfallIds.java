package workbook.runner.catalog;

import java.util.Iterator;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;

/** The pitfall ids, for shell completion. */
public final class PitfallIds implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Pitfalls.all().stream().map(Pitfall::id).iterator();
    }
}
