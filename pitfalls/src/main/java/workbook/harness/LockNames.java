package workbook.harness;

import java.lang.management.LockInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Friendly names for the locks a scenario hands out, matched by identity hash as {@link LockInfo} reports them. */
public final class LockNames {

    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    public void name(Object lock, String name) {
        names.put(System.identityHashCode(lock), name);
    }

    public String of(LockInfo lock) {
        if (lock == null) {
            return null;
        }
        String name = names.get(lock.getIdentityHashCode());
        String type = lock.getClassName().substring(lock.getClassName().lastIndexOf('.') + 1);
        return name != null ? name : type + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
