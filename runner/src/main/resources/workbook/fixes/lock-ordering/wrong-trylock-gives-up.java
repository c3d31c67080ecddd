package workbook.lockordering;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: try both locks and give up when the second is taken. It never deadlocks, and the money still adds
// up, but every transfer that met the other teller was silently skipped.
// expect: DOES NOT WORK

/** Moves money between two accounts, holding both so that no one sees the money in flight. */
public class AccountTransfers implements Transfers {

    private final Map<Account, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public void transfer(Account from, Account to, long amount) {
        ReentrantLock first = locks.computeIfAbsent(from, a -> new ReentrantLock());
        ReentrantLock second = locks.computeIfAbsent(to, a -> new ReentrantLock());
        if (!first.tryLock()) {
            return;
        }
        try {
            if (!second.tryLock()) {
                return;
            }
            try {
                from.withdraw(amount);
                to.deposit(amount);
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }
}
