package workbook.lostatexit;

import java.util.List;

// Wrong fix: a thread of its own per record instead of the common pool; made daemons so that they "cannot keep the
// JVM alive", which is exactly why the JVM ends under them.
// expect: STILL BROKEN

/** Exports records in parallel, so that a batch of slow writes takes a fraction of the time. */
public class ParallelExporter implements Exporter {

    private final RecordSink sink;

    public ParallelExporter(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void exportAll(List<String> records) {
        for (String record : records) {
            Thread writer = new Thread(() -> sink.write(record), "writer-" + record);
            writer.setDaemon(true);
            writer.start();
        }
    }
}
