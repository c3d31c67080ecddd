/**
 * The catalog as a regression suite: every pitfall's broken and fixed trials, counted
 * ({@link workbook.runner.suite.Verification}), their timings ({@link workbook.runner.suite.Stats}), and the reports
 * ({@link workbook.runner.suite.VerificationReport}: the terminal table, JSON), the JDKs trials run on
 * ({@link workbook.runner.suite.Jdk}). Uses the harness only.
 */
package workbook.runner.suite;
