package workbook.cancelthatdoesnt;

/** A report to export: its file name and how many pages it has. */
public record Export(String name, int pages) {
}
