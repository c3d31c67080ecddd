package workbook.lostatexit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

// Wrong fix: give the writes a second to finish. Whether they do depends on how slow the sink is today; on a fast
// night it returns long after the batch was done, which the scenario flags.
// expect: DOES NOT WORK

/** Exports records in parallel, so that a batch of slow writes takes a fraction of the time. */
public class ParallelExporter implements Exporter {

    private final RecordSink sink;

    public ParallelExporter(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void exportAll(List<String> records) {
        for (String record : records) {
            CompletableFuture.runAsync(() -> sink.write(record));
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
