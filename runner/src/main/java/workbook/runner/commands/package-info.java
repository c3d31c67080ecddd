/**
 * One Picocli command a class ({@code list}, {@code show}, {@code run}, {@code lesson}, {@code check}, {@code hint},
 * {@code solution}, {@code reset}, {@code verify}, {@code stress}, {@code progress}, {@code repl},
 * {@code completion}): each parses its options, asks the packages that do the work, prints what they found and
 * returns its exit code. Nothing else uses them but {@link workbook.runner.Main}, which registers them (the REPL runs
 * the same commands through it).
 */
package workbook.runner.commands;
