package workbook.lessons;

/** A chapter of the workbook: its number gives the teaching order. */
public record Chapter(int number, String title) {
}
