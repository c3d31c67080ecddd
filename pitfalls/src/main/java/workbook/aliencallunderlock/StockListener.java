package workbook.aliencallunderlock;

/** Told of every change of a stock level. */
public interface StockListener {

    void changed(String sku, int before, int after);
}
