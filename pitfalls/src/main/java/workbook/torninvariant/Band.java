package workbook.torninvariant;

/** The prices an order may have, from low to high, in cents; low is never above high. */
public record Band(long low, long high) {
}
