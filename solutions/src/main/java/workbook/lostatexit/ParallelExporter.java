package workbook.lostatexit;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Exports records in parallel, so that a batch of slow writes takes a fraction of the time. */
public class ParallelExporter implements Exporter {

    private final RecordSink sink;

    public ParallelExporter(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void exportAll(List<String> records) {
        CompletableFuture<?>[] writes = records.stream()
                .map(record -> CompletableFuture.runAsync(() -> sink.write(record)))
                .toArray(CompletableFuture[]::new);
        // The pool's threads are daemons: nothing keeps the JVM alive for them. The batch is exported when every
        // write is, so wait for all of them (join also rethrows a write's failure instead of dropping it).
        CompletableFuture.allOf(writes).join();
    }
}
