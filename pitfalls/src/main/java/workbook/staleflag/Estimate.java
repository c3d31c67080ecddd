package workbook.staleflag;

/** What a simulation found: how many days it simulated, and on how many of them the loss breached the limit. */
public record Estimate(long days, long breaches) {

    /** The share of days whose loss breached the limit. */
    public double breachRate() {
        return days == 0 ? 0 : (double) breaches / days;
    }
}
