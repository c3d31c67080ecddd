package workbook.lostatexit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

// Right fix, another way than the reference: a virtual thread per write, and close() waits for them all.
// expect: FIXED

/** Exports records in parallel, so that a batch of slow writes takes a fraction of the time. */
public class ParallelExporter implements Exporter {

    private final RecordSink sink;

    public ParallelExporter(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void exportAll(List<String> records) {
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String record : records) {
                writers.execute(() -> sink.write(record));
            }
        }
    }
}
