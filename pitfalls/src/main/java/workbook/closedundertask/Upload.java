package workbook.closedundertask;

/** The thread that calls {@code upload}, as a request thread does, and how the call ended, and when. */
final class Upload {

    private final Thread thread;
    private final ScriptedStore store;
    private volatile long endedAtMillis = -1;
    private volatile Throwable thrown;

    Upload(Uploader uploader, Round round) {
        this.store = round.store();
        thread = new Thread(() -> {
            try {
                uploader.upload(round.document());
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                endedAtMillis = store.millis();
            }
        }, "uploader");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean ended() {
        return endedAtMillis >= 0;
    }

    /** When upload returned or threw, in the round's milliseconds. */
    long endedAtMillis() {
        return endedAtMillis;
    }

    Throwable thrown() {
        return thrown;
    }

    Thread thread() {
        return thread;
    }
}
