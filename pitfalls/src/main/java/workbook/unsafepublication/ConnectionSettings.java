package workbook.unsafepublication;

/** Where and how the service connects to its database, as read from its settings file. */
public interface ConnectionSettings {

    String host();

    int port();

    int timeoutMillis();

    int maxRetries();
}
