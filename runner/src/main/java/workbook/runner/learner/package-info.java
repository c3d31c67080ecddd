/**
 * What belongs to the learner: their copy of each broken example ({@link workbook.runner.learner.Workspace}, kept safe
 * from the trials by {@link workbook.runner.learner.WorkspaceGuard}), compiling it
 * ({@link workbook.runner.learner.LearnerCompiler}), checking it ({@link workbook.runner.learner.Check} and how its
 * report reads), their progress and predictions ({@link workbook.runner.learner.ProgressStore}), and the editor they
 * open a copy in. Uses the harness to run trials, the terminal to print and the exit codes; knows no command.
 */
package workbook.runner.learner;
