package workbook.unsafehashmap;

// expect: DOES NOT WORK

import java.util.Hashtable;
import java.util.Map;

/** The gateway's registry of connected devices, by id. */
public class DeviceRegistry implements Devices {

    private final Map<String, Device> devices = new Hashtable<>();

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
