/**
 * The catalog as a JUnit Platform test engine ({@link workbook.runner.platform.CatalogEngine}): a container per
 * pitfall, a test per variant, each test the verdicts of N trials. {@code workbook verify} runs it through the
 * Platform's launcher, which writes the reports; a team's build runs it by depending on the runner and annotating one
 * class with {@link workbook.runner.platform.ConcurrencyCatalog}.
 */
package workbook.runner.platform;
