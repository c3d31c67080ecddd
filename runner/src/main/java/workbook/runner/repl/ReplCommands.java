package workbook.runner.repl;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The REPL's slash commands, as {@code jshell} users expect them: a unique prefix is enough. */
final class ReplCommands {

    record Command(String name, String arguments, String help) {
    }

    static final List<Command> ALL = List.of(new Command("lessons", "", "list the chapters and pitfalls"),
            new Command("open", "<id>", "open a pitfall: its broken code is shown and defined in the shell"),
            new Command("story", "", "the incident, and the question to predict"),
            new Command("predict", "<number>", "answer the story's question before you run it"),
            new Command("run", "[broken|fixed|mine]", "run an example (mine: your definition in the shell)"),
            new Command("hint", "", "the next hint"),
            new Command("edit", "", "edit your definition in $EDITOR, then redefine it"),
            new Command("check", "", "check your definition: FIXED, STILL BROKEN or DOES NOT WORK"),
            new Command("stress", "[broken|fixed|mine]", "the jcstress test beside a race: its outcome table"),
            new Command("solution", "", "the fix, as a diff against the broken code"),
            new Command("diff", "", "your definition against the broken code"),
            new Command("next", "", "open the next pitfall you have not fixed"),
            new Command("progress", "", "your progress"),
            new Command("reset", "", "define the broken code again in the shell"),
            new Command("help", "", "this list"), new Command("exit", "", "leave (Ctrl-D does too)"));

    /** The command a name or a unique prefix of one stands for; explains on the writer when there is none. */
    Optional<Command> resolve(String typed, PrintWriter out) {
        Optional<Command> exact = ALL.stream().filter(c -> c.name().equals(typed)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Command> matches = ALL.stream().filter(c -> c.name().startsWith(typed)).toList();
        if (matches.size() == 1) {
            return Optional.of(matches.get(0));
        }
        out.println(matches.isEmpty()
                ? "No command /" + typed + "; /help lists them."
                : "/" + typed + " could be " + String.join(" or ", matches.stream().map(c -> "/" + c.name()).toList())
                        + ".");
        return Optional.empty();
    }

    String help() {
        StringBuilder out = new StringBuilder("Commands (a unique prefix is enough, e.g. /o for /open):\n");
        for (Command c : ALL) {
            String usage = "/" + c.name() + (c.arguments().isEmpty() ? "" : " " + c.arguments());
            out.append(String.format("  %-28s %s%n", usage, c.help()));
        }
        out.append("Anything else is Java: declarations, statements, expressions. Ctrl-C stops what is running.\n");
        return out.toString();
    }
}
