package workbook.lostatexit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

// Wrong fix: a pool of its own, shut down at the end; shutdown() does not wait, and its threads are daemons of the
// common kind only if made so. Here they are not daemons, but main returns before they are done.
// expect: STILL BROKEN

/** Exports records in parallel, so that a batch of slow writes takes a fraction of the time. */
public class ParallelExporter implements Exporter {

    private final RecordSink sink;

    public ParallelExporter(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void exportAll(List<String> records) {
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        for (String record : records) {
            pool.execute(() -> sink.write(record));
        }
        pool.shutdown();
    }
}
