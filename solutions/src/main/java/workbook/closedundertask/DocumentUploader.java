package workbook.closedundertask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
            try {
                for (Map.Entry<String, List<String>> attachment : document.attachments().entrySet()) {
                    attachments
                            .add(executor.submit(() -> send(connection, attachment.getKey(), attachment.getValue())));
                }
                send(connection, document.name(), document.body());
            } finally {
                // Waited for inside the block, whatever the body did: the connection closes once no task uses it.
                awaitAll(attachments);
            }
            for (Future<?> attachment : attachments) {
                attachment.get(); // all done by now: throws the first attachment's failure, if any
            }
        }
    }

    private static void awaitAll(List<Future<?>> tasks) throws InterruptedException {
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException failed) {
                // Thrown once every task has ended, above.
            }
        }
    }

    private static void send(Connection connection, String part, List<String> chunks) {
        for (String chunk : chunks) {
            connection.write(part, chunk);
        }
    }
}
