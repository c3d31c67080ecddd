/**
 * jcstress beside the pitfalls: which jcstress test stands beside a pitfall ({@link workbook.runner.stress.StressTests}),
 * running it in a JVM of its own with the variant's class path ({@link workbook.runner.stress.StressRun}), and its
 * outcome table ({@link workbook.runner.stress.StressResult}, {@link workbook.runner.stress.StressTable}). Uses the
 * harness's class path rules and jcstress's own reader of its results; knows nothing of the commands that show them.
 */
package workbook.runner.stress;
