package workbook.lockordering;

/** Moves money between accounts. Called by many tellers at once, in any direction. */
public interface Transfers {

    void transfer(Account from, Account to, long amount);
}
