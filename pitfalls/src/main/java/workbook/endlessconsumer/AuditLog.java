package workbook.endlessconsumer;

/**
 * Records audit events without making the caller wait for the disk. {@link #close()} stops it taking events; every
 * event recorded before is still written, and then the log's threads end, so that the JVM can exit. close() may wait
 * for those writes, but not longer: it returns as soon as they are done (at once, if there are none).
 */
public interface AuditLog extends AutoCloseable {

    void record(String event);

    @Override
    void close();
}
