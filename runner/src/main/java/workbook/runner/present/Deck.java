package workbook.runner.present;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import workbook.harness.Examples;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.lessons.Lesson;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.LessonSections;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Render;
import workbook.runner.terminal.SolutionDiff;
import workbook.runner.terminal.Style;

/**
 * The slides of one or more pitfalls, for a projector: the incident, the question for the room, the broken code, its
 * run with the evidence (and the answer), the fix as a diff, the fixed run, then the lesson's questions for a
 * discussion and, a key later, their answers. A pitfall's two runs start, one after the
 * other, when its first slide is shown, so that their verdicts are ready by the time the room gets there.
 */
final class Deck {

    private final List<Slide> slides = new ArrayList<>();
    /** The last run started: runs never share the machine. */
    private CompletableFuture<?> lastRun = CompletableFuture.completedFuture(null);

    /** @param trial runs one trial of a pitfall's variant (bounded by its budget) */
    Deck(List<Catalog.Entry> entries, BiFunction<String, Variant, Verdict> trial) {
        for (Catalog.Entry entry : entries) {
            add(entry, trial);
        }
    }

    List<Slide> slides() {
        return slides;
    }

    private void add(Catalog.Entry entry, BiFunction<String, Variant, Verdict> trial) {
        String id = entry.id();
        Lesson lesson = entry.requireLesson();
        Map<String, String> sections = LessonSections.of(lesson);
        DemoRun broken = new DemoRun(Variant.BROKEN, variant -> trial.apply(id, variant));
        DemoRun fixed = new DemoRun(Variant.FIXED, variant -> trial.apply(id, variant));
        slides.add(new Text(id, lesson.title(), markdown("## The incident\n\n" + sections.get("The incident"))) {
            @Override
            public void shown() {
                startRuns(broken, fixed);
            }
        });
        StringBuilder question = new StringBuilder("**" + lesson.predict().question() + "**\n\n");
        for (int i = 0; i < lesson.predict().choices().size(); i++) {
            question.append(i + 1).append(". ").append(lesson.predict().choices().get(i)).append("\n");
        }
        slides.add(new Text(id, "Predict", markdown(question.toString())));
        String source = Examples.brokenSource(entry.pitfall()).orElse("(the broken example's source is missing)");
        slides.add(new Text(id, "The broken code", markdown(
                "`" + Examples.sourcePath(entry.pitfall()) + "`\n\n```java\n" + source.strip() + "\n```")));
        String answer = lesson.predict().answer() + ". " + lesson.predict().choices()
                .get(lesson.predict().answer() - 1);
        slides.add(new Run(id, "The broken run", broken, "The answer: " + answer));
        slides.add(new Text(id, "The fix", (width, style) -> SolutionDiff.of(entry.pitfall(), style)));
        slides.add(new Run(id, "The fixed run", fixed, null));
        if (!lesson.discuss().isEmpty()) {
            StringBuilder questions = new StringBuilder();
            StringBuilder answers = new StringBuilder();
            for (int i = 0; i < lesson.discuss().size(); i++) {
                Lesson.Discussion discussion = lesson.discuss().get(i);
                questions.append(i + 1).append(". ").append(discussion.question()).append("\n");
                answers.append(i + 1).append(". **").append(discussion.question()).append("**\n\n   ")
                        .append(discussion.answer()).append("\n\n");
            }
            slides.add(new Text(id, "For the room", markdown(questions.toString())));
            slides.add(new Text(id, "Answers", markdown(answers.toString())));
        }
    }

    private static BiFunction<Integer, Style, String> markdown(String text) {
        return (width, style) -> MarkdownText.render(text, width, style);
    }

    private synchronized void startRuns(DemoRun broken, DemoRun fixed) {
        CompletableFuture<?> first = broken.start(lastRun);
        lastRun = fixed.start(first);
    }

    /** What every slide of a pitfall has: the pitfall, and the title the room sees. */
    private abstract static class Step implements Slide {
        private final String pitfall;
        private final String title;

        Step(String pitfall, String title) {
            this.pitfall = pitfall;
            this.title = title;
        }

        @Override
        public String pitfall() {
            return pitfall;
        }

        @Override
        public String title() {
            return title;
        }
    }

    /** A slide whose text is there from the start: Markdown, a diff. */
    private static class Text extends Step {
        private final BiFunction<Integer, Style, String> render;

        Text(String pitfall, String title, BiFunction<Integer, Style, String> render) {
            super(pitfall, title);
            this.render = render;
        }

        @Override
        public Optional<String> text(int width, Style style) {
            return Optional.of(render.apply(width, style));
        }
    }

    /** A run's verdict, once it is in: the tries that did not show it first, then the one shown. */
    private static final class Run extends Step {
        private final DemoRun run;
        private final String after;

        Run(String pitfall, String title, DemoRun run, String after) {
            super(pitfall, title);
            this.run = run;
            this.after = after;
        }

        @Override
        public String pending() {
            return "Running the " + run.variant().name().toLowerCase(Locale.ROOT) + " example in a JVM of its own...";
        }

        @Override
        public Optional<String> text(int width, Style style) {
            Optional<Throwable> failure = run.failure();
            if (failure.isPresent()) {
                return Optional.of("The run could not be made: " + failure.get() + "\n");
            }
            return run.verdicts().map(verdicts -> {
                StringBuilder text = new StringBuilder();
                Verdict shown = verdicts.get(verdicts.size() - 1);
                if (verdicts.size() > 1) {
                    text.append(
                            style.dim(String.format(Locale.ROOT, "Run %d of up to %d; before it: %s", verdicts.size(),
                                    DemoRun.TRIES, verdicts.subList(0, verdicts.size() - 1).stream()
                                            .map(v -> v.outcome() + " (" + v.summary() + ")").toList())))
                            .append("\n\n");
                }
                if (!run.shows(shown)) {
                    text.append(style.yellow("Not shown in " + verdicts.size() + " runs: this is what the last one"
                            + " found.")).append("\n\n");
                }
                text.append(Render.verdict(shown, style, width));
                if (after != null) {
                    text.append("\n").append(MarkdownText.render(after, width, style));
                }
                return text.toString();
            });
        }
    }
}
