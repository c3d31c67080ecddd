package workbook.staleflag;

/** Random daily price moves, drawn from a seed: the same seed gives the same days (the SplitMix64 generator). */
public final class Market {

    private long state;

    public Market(long seed) {
        this.state = seed;
    }

    /** The next move, in basis points, from {@code -largestBp} to {@code largestBp}. */
    public long nextMoveBp(long largestBp) {
        long z = state += 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return (z ^ (z >>> 31)) % (largestBp + 1);
    }
}
