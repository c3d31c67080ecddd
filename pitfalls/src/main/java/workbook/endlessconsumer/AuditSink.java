package workbook.endlessconsumer;

/** Where audit events end up: an append-only file, so every write is a slow disk write. */
public interface AuditSink {

    void write(String event);
}
