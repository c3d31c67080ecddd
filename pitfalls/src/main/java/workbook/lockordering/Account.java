package workbook.lockordering;

/** A bank account. Not thread-safe: whoever moves money holds the account's lock. */
public final class Account {

    private final String id;
    private long balance;

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

    public void withdraw(long amount) {
        balance -= amount;
    }

    public void deposit(long amount) {
        balance += amount;
    }

    @Override
    public String toString() {
        return "account " + id;
    }
}
