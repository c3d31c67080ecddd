package workbook.cancelthatdoesnt;

/** One rendered page of an export. */
public record Page(int number, String content) {
}
