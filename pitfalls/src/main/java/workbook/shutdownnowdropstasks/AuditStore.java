package workbook.shutdownnowdropstasks;

/** The durable audit store (a database table): one blocking write per event. */
public interface AuditStore {

    void write(String event);
}
