/**
 * The catalog as a regression suite: every pitfall's broken and fixed trials, counted
 * ({@link workbook.runner.suite.Verification}), their timings ({@link workbook.runner.suite.Stats}), and the reports
 * ({@link workbook.runner.suite.VerificationReport}: the terminal table, JSON), the JDKs trials run on
 * ({@link workbook.runner.suite.Jdk}), the wrong-fix fixtures ({@link workbook.runner.suite.WrongFixes}) and their checks
 * ({@link workbook.runner.suite.FixtureChecks}, with the learner's {@code check}). Uses the harness and {@code learner.Check}.
 */
package workbook.runner.suite;
