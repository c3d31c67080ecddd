package workbook.unsafehashmap;

// expect: FIXED

import java.util.HashMap;
import java.util.Map;

/** The gateway's registry of connected devices, by id, in 64 stripes with a lock each. */
public class DeviceRegistry implements Devices {

    private static final int STRIPES = 64;

    @SuppressWarnings("unchecked")
    private final Map<String, Device>[] stripes = new Map[STRIPES];

    public DeviceRegistry() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new HashMap<>();
        }
    }

    private Map<String, Device> stripeOf(String id) {
        return stripes[Math.floorMod(id.hashCode(), STRIPES)];
    }

    @Override
    public void register(Device device) {
        Map<String, Device> stripe = stripeOf(device.id());
        synchronized (stripe) {
            stripe.put(device.id(), device);
        }
    }

    @Override
    public Device find(String id) {
        Map<String, Device> stripe = stripeOf(id);
        synchronized (stripe) {
            return stripe.get(id);
        }
    }

    @Override
    public int count() {
        int count = 0;
        for (Map<String, Device> stripe : stripes) {
            synchronized (stripe) {
                count += stripe.size();
            }
        }
        return count;
    }
}
