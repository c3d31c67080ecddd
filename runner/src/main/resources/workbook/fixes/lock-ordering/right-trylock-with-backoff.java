package workbook.lockordering;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

// Right fix, another way than the reference: never hold one lock while waiting for the other. Take both with
// tryLock, and if the second is taken, let go of the first, back off a random moment, and try again.
// expect: FIXED

/** Moves money between two accounts, holding both so that no one sees the money in flight. */
public class AccountTransfers implements Transfers {

    private final Map<Account, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public void transfer(Account from, Account to, long amount) {
        ReentrantLock first = locks.computeIfAbsent(from, a -> new ReentrantLock());
        ReentrantLock second = locks.computeIfAbsent(to, a -> new ReentrantLock());
        while (true) {
            if (first.tryLock()) {
                try {
                    if (second.tryLock()) {
                        try {
                            from.withdraw(amount);
                            to.deposit(amount);
                            return;
                        } finally {
                            second.unlock();
                        }
                    }
                } finally {
                    first.unlock();
                }
            }
            // A random pause, so that two tellers do not retry in lockstep (livelock).
            java.util.concurrent.locks.LockSupport.parkNanos(
                    TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(1, 50)));
        }
    }
}
