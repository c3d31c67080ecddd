package workbook.reusedtaskargument;

/** A shipped order. */
public record Order(int number, String customer) {
}
