/**
 * The catalog as the runner sees it: every pitfall with its lesson, in teaching order
 * ({@link workbook.runner.catalog.Catalog}), the check that each pitfall is complete
 * ({@link workbook.runner.catalog.CatalogCheck}), the sections of a lesson a command shows, and the pitfall ids for
 * completion. Uses the harness's pitfalls, the lessons module, and the jcstress tests beside the races.
 */
package workbook.runner.catalog;
