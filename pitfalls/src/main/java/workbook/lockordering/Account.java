package workbook.lockordering;

/** A bank account. Not thread-safe: whoever moves money holds the account's lock. */
public class Account {

    private final String id;
    private long balance;
    private long withdrawals;
    private long deposits;

    public Account(String id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    public String id() {
        return id;
    }

    public long balance() {
        return balance;
    }

    /** How many withdrawals and deposits were made: the statement's line count. */
    public long withdrawals() {
        return withdrawals;
    }

    public long deposits() {
        return deposits;
    }

    public void withdraw(long amount) {
        balance -= amount;
        withdrawals++;
    }

    public void deposit(long amount) {
        balance += amount;
        deposits++;
    }

    @Override
    public String toString() {
        return "account " + id;
    }
}
