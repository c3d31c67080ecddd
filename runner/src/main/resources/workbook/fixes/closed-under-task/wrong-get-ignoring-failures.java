package workbook.closedundertask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: wait for the attachments inside the block, but swallow their failures. Nothing is closed
// under a task any more; an attachment the store rejects is lost all the same, and upload says the document is stored.
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
        try (Connection connection = store.connect()) {
            List<Future<?>> attachments = new ArrayList<>();
            for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                attachments.add(executor.submit(() -> send(connection, attachment.getKey(), attachment.getValue())));
            }
            send(connection, document.name(), document.body());
            for (Future<?> attachment : attachments) {
                try {
                    attachment.get();
                } catch (ExecutionException e) {
                    // The body is stored; an attachment can be sent again later.
                }
            }
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
