package workbook.lockordering;

/**
 * Moves money between accounts. Called by many tellers at once, in any direction. Every call moves the money
 * before it returns (none is skipped), and transfers between different accounts do not wait for each other: the
 * bank has many tellers, not one.
 */
public interface Transfers {

    void transfer(Account from, Account to, long amount);
}
