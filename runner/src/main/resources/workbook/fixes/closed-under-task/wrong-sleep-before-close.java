package workbook.closedundertask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

// Wrong fix: a pause before the block ends, long enough for today's attachments. The connection stays open
// while they are written, but nothing waits for them, and a chunk the store rejects is never heard of.
// expect: DOES NOT WORK

/** Uploads a document: the attachments in the background, the body meanwhile, all over one connection. */
public class DocumentUploader implements Uploader {

    private final DocumentStore store;
    private final ExecutorService executor;

    public DocumentUploader(DocumentStore store, ExecutorService executor) {
        this.store = store;
        this.executor = executor;
    }

    @Override
    public void upload(Document document) throws InterruptedException {
        try (Connection connection = store.connect()) {
            for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                executor.submit(() -> send(connection, attachment.getKey(), attachment.getValue()));
            }
            send(connection, document.name(), document.body());
            Thread.sleep(100);
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
