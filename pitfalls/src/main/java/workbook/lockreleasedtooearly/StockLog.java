package workbook.lockreleasedtooearly;

/** The audit log every stock change is written to. Slow: a database round trip per change. */
public interface StockLog {

    /** Records that {@code sku} went from {@code before} units to {@code after}. */
    void record(String sku, int before, int after);
}
