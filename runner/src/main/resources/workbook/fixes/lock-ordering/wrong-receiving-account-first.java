package workbook.lockordering;

// Wrong fix: lock the receiving account first. It is still an order taken from the arguments, so two tellers
// paying each other still take the two locks in opposite orders.
// expect: STILL BROKEN

/** Moves money between two accounts, holding both so that no one sees the money in flight. */
public class AccountTransfers implements Transfers {

    @Override
    public void transfer(Account from, Account to, long amount) {
        synchronized (to) {
            synchronized (from) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }
}
