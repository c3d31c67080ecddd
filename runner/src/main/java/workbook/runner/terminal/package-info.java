/**
 * Text for a terminal: whether there is one and how wide it is ({@link workbook.runner.terminal.Terminal}), colours
 * ({@link workbook.runner.terminal.Style}), Markdown rendered for it ({@link workbook.runner.terminal.MarkdownText}),
 * verdicts ({@link workbook.runner.terminal.Render}), the solution as a diff, the spinner and progress line. Knows
 * nothing of commands, the REPL or the learner.
 */
package workbook.runner.terminal;
