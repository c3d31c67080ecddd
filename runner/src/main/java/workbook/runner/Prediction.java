package workbook.runner;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import workbook.lessons.Lesson;

/** A lesson's prediction question: asked before the broken example runs, and revealed after it. */
final class Prediction {

    private Prediction() {
    }

    /** Prints the question and its numbered choices, wrapped to the width (they are Markdown, like the lesson). */
    static void ask(Lesson lesson, PrintWriter out, Style style, int width) {
        StringBuilder markdown = new StringBuilder("**" + lesson.predict().question() + "**\n\n");
        List<String> choices = lesson.predict().choices();
        for (int i = 0; i < choices.size(); i++) {
            markdown.append(i + 1).append(". ").append(choices.get(i)).append('\n');
        }
        out.print(MarkdownText.render(markdown.toString(), width, style));
    }

    /** The choice a learner typed, when it is one of the lesson's numbers. */
    static OptionalInt parse(Lesson lesson, String typed) {
        try {
            int choice = Integer.parseInt(typed.strip());
            return choice >= 1 && choice <= lesson.predict().choices().size()
                    ? OptionalInt.of(choice)
                    : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static boolean isRight(Lesson lesson, int choice) {
        return choice == lesson.predict().answer();
    }

    /** What the learner predicted against what happens. */
    static String reveal(Lesson lesson, int choice, Style style) {
        List<String> choices = lesson.predict().choices();
        return isRight(lesson, choice)
                ? style.green("You predicted it: " + choices.get(choice - 1))
                : style.yellow("You predicted: " + choices.get(choice - 1) + "\nWhat happens: "
                        + choices.get(lesson.predict().answer() - 1));
    }
}
