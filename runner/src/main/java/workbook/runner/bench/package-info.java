/**
 * {@code workbook bench}: the numbers behind the README's claims, measured in one documented run. Each pitfall's
 * reliability (its broken example reproduced, its fix clean, over many trials) and time to evidence ({@link
 * workbook.runner.bench.Bench}, through the suite's {@code Verification}); how long commands take from a shell, as a
 * learner runs them ({@link workbook.runner.bench.ShellTimings}); jcstress beside the workbook where a pitfall has a
 * jcstress test; and the reports, Markdown and JSON, with the machine they were measured on ({@link
 * workbook.runner.bench.BenchReport}). Uses the suite, the stress runs and the harness.
 */
package workbook.runner.bench;
