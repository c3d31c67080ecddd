package workbook.lockordering;

// Wrong fix: lock only the account the money leaves. No cycle, but two tellers now change the same account at
// once, each under a different lock.
// expect: DOES NOT WORK

/** Moves money between two accounts, holding both so that no one sees the money in flight. */
public class AccountTransfers implements Transfers {

    @Override
    public void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            from.withdraw(amount);
            to.deposit(amount);
        }
    }
}
