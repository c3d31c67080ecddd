package workbook.lostatexit;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

// Wrong fix: a pool of daemon writers, shut down and awaited for 50 ms: a guess at how long the writes take. When
// the store is slower than the guess, the rest of the batch dies with the JVM.
// expect: STILL BROKEN

/** Exports records in parallel, so that a batch of slow writes takes a fraction of the time. */
public class ParallelExporter implements Exporter {

    private final RecordSink sink;

    public ParallelExporter(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void exportAll(List<String> records) {
        ExecutorService writers = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
        records.forEach(record -> writers.execute(() -> sink.write(record)));
        writers.shutdown();
        try {
            writers.awaitTermination(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
