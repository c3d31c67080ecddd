package workbook.closedundertask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

// Wrong fix: CompletableFuture.runAsync on the executor, and allOf(...).join() before the block ends. Right when all
// goes well; but when the body's write throws, join() is never reached, and the block closes the connection while
// the attachments still write: their refused writes are lost.
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
    public void upload(Document document) {
        try (Connection connection = store.connect()) {
            List<CompletableFuture<Void>> attachments = new ArrayList<>();
            for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                attachments.add(CompletableFuture.runAsync(
                        () -> send(connection, attachment.getKey(), attachment.getValue()), executor));
            }
            send(connection, document.name(), document.body());
            CompletableFuture.allOf(attachments.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
