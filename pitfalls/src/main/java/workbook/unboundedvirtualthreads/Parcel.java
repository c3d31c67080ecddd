package workbook.unboundedvirtualthreads;

/** One parcel of a cart, to be shipped to a postcode. */
public record Parcel(String id, String postcode, int grams) {
}
