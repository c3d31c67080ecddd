package workbook.shutdownnowdropstasks;

/**
 * Records who did what. {@link #record} returns at once; the event is written to the store in the background, on
 * the executor the trail was given, which it owns. {@link #close} writes every event recorded so far, then stops.
 */
public interface AuditTrail extends AutoCloseable {

    void record(String event);

    @Override
    void close();
}
