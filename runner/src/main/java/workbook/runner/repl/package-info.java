/**
 * The interactive workbook: JLine's line reader and completion, the slash commands ({@code /run}, {@code /check},
 * {@code /next}...), and the JShell session in a VM of its own where a learner defines and redefines classes
 * ({@link workbook.runner.repl.JavaShell}), which is ended and started again when a snippet will not stop or exits.
 * Uses the learner's workspace and checks, the catalog and the terminal; commands typed without a slash go to
 * {@link workbook.runner.Main}'s command line.
 */
package workbook.runner.repl;
