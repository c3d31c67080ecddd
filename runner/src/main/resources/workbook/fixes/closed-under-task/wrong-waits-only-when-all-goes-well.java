package workbook.closedundertask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: every attachment waited for inside the block, so the connection outlives them, when all goes well.
// When the body's write throws, or the first get() does, the rest are never waited for: the block closes the
// connection while other attachments still write, and their refused writes are lost again.
// expect: STILL BROKEN

/** Uploads a document: the attachments in the background, the body meanwhile, all over one connection. */
public class DocumentUploader implements Uploader {

    private final DocumentStore store;
    private final ExecutorService executor;

    public DocumentUploader(DocumentStore store, ExecutorService executor) {
        this.store = store;
        this.executor = executor;
    }

    @Override
    public void upload(Document document) throws InterruptedException, ExecutionException {
        try (Connection connection = store.connect()) {
            List<Future<?>> attachments = new ArrayList<>();
            for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                attachments.add(executor.submit(() -> send(connection, attachment.getKey(), attachment.getValue())));
            }
            send(connection, document.name(), document.body());
            // Waited for inside the block: the connection is closed only once no task uses it any more.
            for (Future<?> attachment : attachments) {
                attachment.get();
            }
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
