package workbook.lostatexit;

import java.util.List;
import java.util.concurrent.CompletableFuture;

// Wrong fix: join each write inside the loop. Nothing is lost, but the next write starts only when the last one is
// done: the "parallel" exporter writes one record at a time.
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
            CompletableFuture.runAsync(() -> sink.write(record)).join();
        }
    }
}
