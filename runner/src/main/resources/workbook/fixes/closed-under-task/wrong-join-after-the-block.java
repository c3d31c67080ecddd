package workbook.closedundertask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: wait for the attachments, but after the try-with-resources. The failure is no longer lost: it
// is the connection that was closed under the tasks, which upload now throws instead of storing the document.
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
    public void upload(Document document) throws InterruptedException, ExecutionException {
        List<Future<?>> attachments = new ArrayList<>();
        try (Connection connection = store.connect()) {
            for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                attachments.add(executor.submit(() -> send(connection, attachment.getKey(), attachment.getValue())));
            }
            send(connection, document.name(), document.body());
        }
        for (Future<?> attachment : attachments) {
            attachment.get();
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
