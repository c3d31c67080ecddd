package workbook.closedundertask;

import java.util.concurrent.ExecutionException;

/** Uploads documents to the store. Made with the store and the executor the attachments are sent on. */
public interface Uploader {

    /**
     * Stores the document's body and its attachments at once over one connection: the attachments on the executor
     * given, the body on the calling thread. Returns once every part is stored, or throws what failed (itself or as a
     * cause), as soon as no task it started writes any more. Closes the connection before it returns, whatever
     * happened, and never while a task still writes on it. Leaves the executor running: others use it.
     */
    void upload(Document document) throws InterruptedException, ExecutionException;
}
