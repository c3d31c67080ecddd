/**
 * Presenter mode: a pitfall (or a track's pitfalls) for a projector, one step per key, forward and back: the incident,
 * the question for the room, the broken code, its run with the evidence, the fix as a diff, the fixed run
 * ({@link workbook.runner.present.Deck}). A pitfall's runs start when its first slide is shown and are run again while
 * they do not show what they are there for ({@link workbook.runner.present.DemoRun}). Uses the catalog, the harness's
 * trials and the terminal; the command that starts it is {@code present}.
 */
package workbook.runner.present;
