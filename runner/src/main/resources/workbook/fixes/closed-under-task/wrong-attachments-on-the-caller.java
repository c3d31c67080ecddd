package workbook.closedundertask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

// Wrong fix: no task at all, every part written on the calling thread, one after another. The connection
// outlives every write, but the upload takes as long as all its parts together, and the contract says at once.
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
        try (Connection connection = store.connect()) {
            for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                send(connection, attachment.getKey(), attachment.getValue());
            }
            send(connection, document.name(), document.body());
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
