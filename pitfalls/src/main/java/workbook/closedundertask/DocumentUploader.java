package workbook.closedundertask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

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
                executor.submit(() -> send(connection, attachment.getKey(), attachment.getValue()));
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
