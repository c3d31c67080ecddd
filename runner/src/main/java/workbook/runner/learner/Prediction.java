package workbook.runner.learner;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import workbook.lessons.Lesson;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Style;

/** A lesson's prediction question: asked before the broken example runs, and revealed after it. */
public final class Prediction {

    private Prediction() {
    }

    /** Prints the question and its numbered choices, wrapped to the width (they are Markdown, like the lesson). */
    public static void ask(Lesson lesson, PrintWriter out, Style style, int width) {
        StringBuilder markdown = new StringBuilder("**" + lesson.predict().question() + "**\n\n");
        List<String> choices = lesson.predict().choices();
        for (int i = 0; i < choices.size(); i++) {
            markdown.append(i + 1).append(". ").append(choices.get(i)).append('\n');
        }
        markdown.append('\n').append(SHORT_QUESTION_END).append('\n');
        out.print("\n" + MarkdownText.render(markdown.toString(), width, style));
    }

    /** The choice a learner typed, when it is one of the lesson's numbers. */
    public static OptionalInt parse(Lesson lesson, String typed) {
        try {
            int choice = Integer.parseInt(typed.strip());
            return choice >= 1 && choice <= lesson.predict().choices().size()
                    ? OptionalInt.of(choice)
                    : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    public static boolean isRight(Lesson lesson, int choice) {
        return choice == lesson.predict().answer();
    }

    /** What the learner predicted against what happens, wrapped to the width. */
    public static String reveal(Lesson lesson, int choice, Style style, int width) {
        List<String> choices = lesson.predict().choices();
        boolean right = isRight(lesson, choice);
        String said = right
                ? "You predicted it: " + choices.get(choice - 1)
                : "You predicted: " + choices.get(choice - 1) + "\\\nWhat happens: "
                        + choices.get(lesson.predict().answer() - 1);
        return MarkdownText.render(said, width, Style.plain()).stripTrailing().lines()
                .map(line -> right ? style.green(line) : style.yellow(line))
                .collect(Collectors.joining("\n"));
    }

    /** The choice a learner made, said back to them, wrapped to the width. */
    public static String noted(Lesson lesson, int choice, int width) {
        return MarkdownText.render("Noted: " + lesson.predict().choices().get(choice - 1)
                + ". Now /run to see what happens.", width, Style.plain()).stripTrailing();
    }

    /**
     * The lesson's Predict section as the walk shows it before {@link #ask}: without its closing paragraph when that
     * is the question in short ("What happens? Pick one before you run it.", or a one-sentence question), which
     * {@link #ask} asks in full.
     */
    public static String setup(String predictSection) {
        String text = predictSection.strip();
        int last = text.lastIndexOf("\n\n");
        String closing = text.substring(last + 1).strip().replaceAll("\\s+", " ");
        boolean question = closing.endsWith(SHORT_QUESTION_END) || closing.endsWith("?") && !closing.contains(". ");
        return question ? text.substring(0, Math.max(0, last)).strip() : text;
    }

    /** How a lesson's Predict section ends its own, shorter question. */
    public static final String SHORT_QUESTION_END = "Pick one before you run it.";
}
