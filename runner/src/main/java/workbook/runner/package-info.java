/**
 * The workbook's command line: its entry point ({@link workbook.runner.Main}: the commands, usage problems, exit
 * codes), and what every command and the REPL are given ({@link workbook.runner.Workbook}: the catalog, the learner's
 * workspace and progress, the terminal's style, the trial launcher). The packages below do the work:
 * {@code commands} (one Picocli command a class), {@code repl} (the interactive shell), {@code learner} (the
 * learner's copies, their checks and progress), {@code suite} (the catalog as a regression suite), {@code stress}
 * (jcstress beside the races), {@code catalog} (pitfalls with their lessons), {@code terminal} (text for a terminal).
 */
package workbook.runner;
