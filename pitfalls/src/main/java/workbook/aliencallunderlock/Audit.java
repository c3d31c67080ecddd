package workbook.aliencallunderlock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The audit log: a listener that reads the level back when it is told of a change, as a log line that shows the
 * current level does. Records each change, on which thread, and the level it read.
 */
final class Audit implements StockListener {

    /** One change as the audit log heard it. */
    record Told(String sku, int before, int after, String thread, int levelRead) {
    }

    private final Stock stock;
    private final List<Told> told = new CopyOnWriteArrayList<>();

    Audit(Stock stock) {
        this.stock = stock;
    }

    @Override
    public void changed(String sku, int before, int after) {
        told.add(new Told(sku, before, after, Thread.currentThread().getName(), stock.level(sku)));
    }

    List<Told> told() {
        return List.copyOf(told);
    }
}
