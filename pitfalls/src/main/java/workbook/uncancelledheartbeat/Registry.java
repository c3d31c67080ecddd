package workbook.uncancelledheartbeat;

/** The service registry: an instance stays listed, and gets traffic, while its heartbeats keep arriving. */
public interface Registry {

    void register(String instance);

    void heartbeat(String instance);

    void deregister(String instance);
}
