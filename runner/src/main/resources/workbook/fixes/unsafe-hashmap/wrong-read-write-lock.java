package workbook.unsafehashmap;

// expect: DOES NOT WORK

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The gateway's registry of connected devices, by id. */
public class DeviceRegistry implements Devices {

    private final Map<String, Device> devices = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public void register(Device device) {
        lock.writeLock().lock();
        try {
            devices.put(device.id(), device);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Device find(String id) {
        lock.readLock().lock();
        try {
            return devices.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int count() {
        lock.readLock().lock();
        try {
            return devices.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
