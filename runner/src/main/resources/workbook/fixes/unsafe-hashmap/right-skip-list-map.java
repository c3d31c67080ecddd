package workbook.unsafehashmap;

// expect: FIXED

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The gateway's registry of connected devices, by id. */
public class DeviceRegistry implements Devices {

    private final Map<String, Device> devices = new ConcurrentSkipListMap<>();

    @Override
    public void register(Device device) {
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
