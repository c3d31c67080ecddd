package workbook.closedundertask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

// Right fix, another way: CompletableFuture.runAsync on the executor, and allOf(...) waited for in a finally around the
// body, so that the connection closes after the attachments even when the body's write throws. join() then throws a
// CompletionException carrying what an attachment threw.
// expect: FIXED

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
            List<CompletableFuture<Void>> attachments = new ArrayList<>();
            for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                attachments.add(CompletableFuture.runAsync(
                        () -> send(connection, attachment.getKey(), attachment.getValue()), executor));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(attachments.toArray(CompletableFuture[]::new));
            try {
                send(connection, document.name(), document.body());
            } finally {
                // Whatever the body did, the block ends (and closes the connection) once no attachment writes.
                all.exceptionally(failed -> null).join();
            }
            all.join();
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
