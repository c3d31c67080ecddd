package workbook.lockordering;

// Wrong fix: one lock for every transfer. No cycle can form, but only one teller in the whole bank works at a time.
// expect: DOES NOT WORK

/** Moves money between two accounts, holding both so that no one sees the money in flight. */
public class AccountTransfers implements Transfers {

    @Override
    public synchronized void transfer(Account from, Account to, long amount) {
        from.withdraw(amount);
        to.deposit(amount);
    }
}
