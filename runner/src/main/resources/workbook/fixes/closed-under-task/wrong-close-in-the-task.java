package workbook.closedundertask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

// Wrong fix: hand the connection over, and let whoever finishes last close it. Nothing writes on a closed
// connection any more, but upload returns while the attachments are still being written, and a failure is lost.
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
    public void upload(Document document) {
        Connection connection = store.connect();
        AtomicInteger open = new AtomicInteger(document.attachments().size() + 1);
        for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
            executor.submit(() -> {
                try {
                    send(connection, attachment.getKey(), attachment.getValue());
                } finally {
                    closeIfLast(connection, open);
                }
            });
        }
        try {
            send(connection, document.name(), document.body());
        } finally {
            closeIfLast(connection, open);
        }
    }

    private static void closeIfLast(Connection connection, AtomicInteger open) {
        if (open.decrementAndGet() == 0) {
            connection.close();
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
