package workbook.unsafehashmap;

// expect: STILL BROKEN

import java.util.HashMap;
import java.util.Map;

/** The gateway's registry of connected devices, by id. */
public class DeviceRegistry implements Devices {

    private final Map<String, Device> devices = new HashMap<>();

    @Override
    public synchronized void register(Device device) {
        devices.put(device.id(), device);
    }

    @Override
    public Device find(String id) {
        return devices.get(id);
    }

    @Override
    public int count() {
        return devices.size();
    }
}
