package workbook.cancelthatdoesnt;

/** Renders one page of a report: a few milliseconds of work. */
public interface PageRenderer {

    Page render(Export export, int number);
}
