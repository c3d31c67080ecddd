package workbook.unsafehashmap;

/**
 * The devices connected to a push gateway, registered by the connection threads as devices connect and looked up by
 * every push. The promises beyond the lookups: it is safe to call from many threads at once; a device is found by
 * every {@code find} that starts after its {@code register} returned, and counted by {@code count}; and callers do
 * not wait for one another: registrations of different devices run in parallel.
 */
public interface Devices {

    /** Registers a newly connected device. */
    void register(Device device);

    /** The device with this id, or null if none is registered. */
    Device find(String id);

    /** How many devices are registered. */
    int count();
}
