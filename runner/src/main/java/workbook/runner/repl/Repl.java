package workbook.runner.repl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import picocli.CommandLine;
import workbook.harness.Examples;
import workbook.harness.Pitfall;
import workbook.harness.TrialClasspath;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.lessons.Lesson;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.LessonSections;
import workbook.runner.learner.Check;
import workbook.runner.learner.CheckReports;
import workbook.runner.learner.Editor;
import workbook.runner.learner.LearnerCompiler;
import workbook.runner.learner.Prediction;
import workbook.runner.learner.Workspace;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Render;
import workbook.runner.terminal.SolutionDiff;

/**
 * The workbook's REPL: slash commands for the lessons (the same implementations as the CLI's commands), and Java
 * for everything else, evaluated live in a {@link JavaShell}. A learner opens a pitfall, reads and runs its broken
 * code, redefines the class in the shell, and checks the new definition as the CLI's {@code check} would.
 */
public final class Repl {

    /** How long one Java snippet may run before it is stopped; Ctrl-C stops it sooner. */
    public static final Duration SNIPPET_LIMIT = Duration.ofSeconds(60);

    private final Workbook wb;
    private final Terminal terminal;
    private final PrintWriter out;
    private final CommandLine cli;
    private final ReplCommands commands = new ReplCommands();
    private JavaShell shell;
    private LineReader reader;
    private Catalog.Entry current;
    /** The learner's prediction for the current pitfall, until the broken example's run reveals it. */
    private OptionalInt prediction = OptionalInt.empty();
    /** Source to define in the shell before its next use: the prompt need not wait for the shell to warm up. */
    private String pendingDefinition;

    private final Duration snippetLimit;
    /** Input from a pipe or a script is not echoed by a terminal: the transcript shows it after the prompt. */
    private final boolean echo;

    public Repl(Workbook wb, Terminal terminal, Duration snippetLimit) {
        this.wb = wb;
        this.snippetLimit = snippetLimit;
        this.terminal = terminal;
        this.echo = terminal instanceof DumbTerminal && !workbook.runner.terminal.Terminal.interactive();
        this.out = terminal.writer();
        this.cli = Main.commandLine(wb);
        cli.setOut(out);
        cli.setErr(out);
    }

    /**
     * A shell's start, a class defined in it and a value evaluated, output thrown away: for {@code StartupTraining},
     * so that the workbook's start-up cache holds the compiler's classes too.
     */
    public static void trainShell() {
        try (JavaShell shell = new JavaShell(shellClassPath(), new PrintStream(OutputStream.nullOutputStream()))) {
            shell.evalQuietly("class Counter { private long n; synchronized void add() { n++; } }", SNIPPET_LIMIT);
            shell.eval("new Counter()", SNIPPET_LIMIT);
        }
    }

    private static List<String> shellClassPath() {
        return Arrays.asList(TrialClasspath.forVariant(Variant.BROKEN, null).split(java.io.File.pathSeparator));
    }

    public int run() throws IOException {
        shell = new JavaShell(shellClassPath(), new PrintStream(terminal.output(), true, terminal.encoding()));
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("workbook")
                .completer(new ReplCompleter(commands, shell)).parser(new ReplParser(shell))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "      ...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        Optional<Path> history = historyFile();
        history.ifPresentOrElse(file -> builder.variable(LineReader.HISTORY_FILE, file),
                () -> out.println(wb.style().dim("(No history this time: " + wb.workspace().root()
                        + " cannot be written.)")));
        reader = builder.build();
        Thread repl = Thread.currentThread();
        terminal.handle(Terminal.Signal.INT, signal -> repl.interrupt());
        try (JavaShell closing = shell) {
            out.println(wb.style().bold("The Concurrency Pitfalls Workbook") + wb.style().dim(
                    "  (/help for commands; anything else is Java; Ctrl-D leaves)"));
            wb.nextNotFixed(null).ifPresent(this::open);
            if (Boolean.getBoolean("workbook.timing")) {
                out.println(String.format(Locale.ROOT, "(prompt %d ms after the JVM started)",
                        ManagementFactory.getRuntimeMXBean().getUptime()));
            }
            return loop();
        }
    }

    private int loop() {
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                out.println();
                return ExitCodes.AS_EXPECTED;
            }
            if (echo) {
                out.println(line.replace("\n", "\n      ...> "));
                out.flush();
            }
            Thread.interrupted();
            if (line.isBlank()) {
                continue;
            }
            try {
                if (line.strip().startsWith("/")) {
                    if (!slash(line.strip())) {
                        return ExitCodes.AS_EXPECTED;
                    }
                } else {
                    definePending();
                    shell.eval(line, snippetLimit);
                }
            } catch (RuntimeException | IOException e) {
                out.println(wb.style().red("That failed: " + (e.getMessage() == null ? e : e.getMessage())));
            }
            wb.progress().takeWarnings().forEach(warning -> out.println(wb.style().red(warning)));
            out.flush();
            Thread.interrupted();
        }
    }

    /** The history file, if the workspace can hold one: an unwritable home means no history, not a failure. */
    private Optional<Path> historyFile() {
        Path file = wb.workspace().root().resolve(".repl-history");
        try {
            Files.createDirectories(wb.workspace().root());
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean writable = Files.exists(file) ? Files.isWritable(file) : Files.isWritable(file.getParent());
        return writable ? Optional.of(file) : Optional.empty();
    }

    private String prompt() {
        return (current == null ? "workbook" : current.id()) + "> ";
    }

    /** Runs a slash command; false when the learner leaves. */
    private boolean slash(String line) throws IOException {
        String[] words = line.substring(1).split("\\s+");
        Optional<ReplCommands.Command> command = commands.resolve(words[0], out);
        if (command.isEmpty()) {
            return true;
        }
        String argument = words.length > 1 ? words[1] : null;
        switch (command.get().name()) {
            case "exit" -> {
                return false;
            }
            case "help" -> out.print(commands.help());
            case "lessons" -> cli.execute("list");
            case "open" -> {
                if (argument == null) {
                    out.println("Which one? /open <id> (/lessons lists them)");
                } else {
                    open(wb.catalog().require(argument));
                }
            }
            case "next" -> wb.nextNotFixed(current == null ? null : current.id()).ifPresentOrElse(this::open,
                    () -> out.println(wb.followedTrack().map(t -> "Every other pitfall of the track " + t.name()
                            + " is fixed.").orElse("Every other pitfall is fixed.")));
            case "progress" -> cli.execute("progress");
            default -> {
                if (current == null) {
                    out.println("Open a pitfall first: /open <id> (/lessons lists them).");
                    return true;
                }
                onCurrent(command.get().name(), argument);
            }
        }
        return true;
    }

    private void onCurrent(String command, String argument) throws IOException {
        String id = current.id();
        switch (command) {
            case "story" -> story();
            case "predict" -> predict(argument);
            case "run" -> {
                String which = argument == null ? "broken" : argument.toLowerCase(Locale.ROOT);
                switch (which) {
                    case "broken" -> {
                        cli.execute("run", id);
                        revealPrediction();
                    }
                    case "fixed" -> cli.execute("run", id, "--fixed");
                    case "mine" -> runMine();
                    default -> out.println("/run broken, /run fixed or /run mine");
                }
            }
            case "hint" -> cli.execute("hint", id);
            case "solution" -> cli.execute("solution", id);
            case "check" -> check();
            case "stress" -> {
                String which = argument == null ? "broken" : argument.toLowerCase(Locale.ROOT);
                switch (which) {
                    case "broken" -> cli.execute("stress", id);
                    case "fixed" -> cli.execute("stress", id, "--fixed");
                    case "mine" -> {
                        Optional<Path> file = writeMine();
                        if (file.isPresent()) {
                            cli.execute("stress", id, "--mine", "--source", file.get().toString());
                        }
                    }
                    default -> out.println("/stress broken, /stress fixed or /stress mine");
                }
            }
            case "diff" -> mine().ifPresent(source -> out.print(SolutionDiff.between("broken", brokenSource().lines()
                    .toList(), "yours (in the shell)", source.lines().toList(), wb.style())));
            case "edit" -> edit();
            case "reset" -> {
                pendingDefinition = null;
                loadIntoShell(brokenSource());
                out.println("Your definition is the broken example again.");
            }
            default -> out.println("Unknown command.");
        }
    }

    private void open(Catalog.Entry entry) {
        current = entry;
        prediction = OptionalInt.empty();
        Lesson lesson = entry.lesson();
        out.println();
        out.println(wb.style().bold(entry.id() + ": " + entry.title()) + wb.style().dim("  (" + entry.pitfall().kind()
                + (lesson == null ? "" : ", chapter " + lesson.chapter()) + ")"));
        if (lesson != null) {
            out.print(MarkdownText.render(lesson.summary(), width(), wb.style()));
        }
        String source = brokenSource();
        out.println(wb.style().dim("The broken code, " + Examples.sourcePath(entry.pitfall()) + ":"));
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.printf("%s %s%n", wb.style().dim(String.format(Locale.ROOT, "%3d", i + 1)), lines.get(i));
        }
        pendingDefinition = source;
        out.print(MarkdownText.render("It is defined in this shell: try it, or redefine it with your fix, then "
                + "`/check`. `/story` tells the incident, `/run` shows the failure, `/hint` helps.", width(),
                wb.style()));
        wb.progress().update(entry.id(), p -> p.seen());
        out.flush();
    }

    private void definePending() {
        if (pendingDefinition != null) {
            String source = pendingDefinition;
            pendingDefinition = null;
            loadIntoShell(source);
        }
    }

    /** Evaluates a class's source in the shell: its package line dropped, its package's contract imported. */
    private void loadIntoShell(String source) {
        out.flush();
        String pkg = current.pitfall().subject().getPackageName();
        String body = source.lines().filter(l -> !l.startsWith("package ")).reduce("", (a, b) -> a + b + "\n");
        shell.evalQuietly("import " + pkg + ".*;\n" + body, snippetLimit);
    }

    private void story() {
        Map<String, String> sections = LessonSections.of(current.requireLesson());
        out.print(MarkdownText.render("## The incident\n\n" + sections.getOrDefault("The incident", "")
                + "\n\n## Predict\n\n" + Prediction.setup(sections.getOrDefault("Predict", "")), width(), wb.style()));
        Prediction.ask(current.lesson(), out, wb.style(), width());
        out.println(wb.style().dim("Decide with /predict <number>, then /run to see."));
    }

    /** Records the learner's answer to the lesson's question; the next /run of the broken example reveals it. */
    private void predict(String argument) throws IOException {
        Lesson lesson = current.requireLesson();
        OptionalInt choice = argument == null ? OptionalInt.empty() : Prediction.parse(lesson, argument);
        if (choice.isEmpty()) {
            Prediction.ask(lesson, out, wb.style(), width());
            out.println("/predict <number>, a number from 1 to " + lesson.predict().choices().size() + ".");
            return;
        }
        prediction = choice;
        int chosen = choice.getAsInt();
        wb.progress().update(current.id(), p -> p.predicted(chosen, Prediction.isRight(lesson, chosen)));
        out.println(Prediction.noted(lesson, chosen, width()));
    }

    private void revealPrediction() {
        if (prediction.isPresent()) {
            out.println(Prediction.reveal(current.lesson(), prediction.getAsInt(), wb.style(), width()));
            prediction = OptionalInt.empty();
        }
    }

    private void check() throws IOException {
        Optional<Path> file = writeMine();
        if (file.isEmpty()) {
            return;
        }
        out.println(wb.style().dim("Checking your definition: compile, then " + Check.TRIALS + " trials..."));
        out.flush();
        Check.Report report = new Check(wb.launcher(), TrialLauncher.DEFAULT_BUDGET, wb.workspace()).run(
                current.pitfall(), file.get(),
                wb.workspace().buildDir(current.pitfall()));
        CheckReports.print(report, file.get(), out, wb.style());
        if (report.result() != Check.Result.DOES_NOT_COMPILE) {
            wb.progress().update(current.id(), p -> p.checked(report.result() == Check.Result.FIXED));
        }
        if (report.result() == Check.Result.FIXED) {
            out.println(wb.style().dim("/solution shows the reference fix; /next opens the next pitfall."));
        }
    }

    private void runMine() throws IOException {
        Optional<Path> file = writeMine();
        if (file.isEmpty()) {
            return;
        }
        LearnerCompiler.Compilation compilation = LearnerCompiler.compile(current.pitfall(), file.get(),
                wb.workspace().buildDir(current.pitfall()));
        if (!compilation.compiled()) {
            compilation.errors().forEach(out::println);
            return;
        }
        compilation.warnings().forEach(out::println);
        Verdict verdict = wb.launcher().run(current.id(), Variant.MINE, compilation.classes(),
                TrialLauncher.DEFAULT_BUDGET);
        out.print(Render.verdict(verdict, wb.style()));
    }

    /** The learner's definition from the shell, as a full source file the checker compiles on its own. */
    private Optional<Path> writeMine() throws IOException {
        Optional<String> source = mine();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Path file = wb.workspace().root().resolve(".shell").resolve(current.id())
                .resolve(current.pitfall().subject().getSimpleName() + ".java");
        Workspace.write(file, source.get());
        return Optional.of(file);
    }

    private Optional<String> mine() {
        definePending();
        Pitfall<?> pitfall = current.pitfall();
        Optional<String> type = shell.typeSource(pitfall.subject().getSimpleName());
        if (type.isEmpty()) {
            out.println("There is no class " + pitfall.subject().getSimpleName() + " in the shell: /reset defines the "
                    + "broken one again.");
            return Optional.empty();
        }
        return Optional.of("package " + pitfall.subject().getPackageName() + ";\n\n"
                + String.join("\n", shell.imports()) + "\n\n" + type.get().strip() + "\n");
    }

    private void edit() throws IOException {
        Optional<Path> file = writeMine();
        if (file.isEmpty()) {
            return;
        }
        Optional<String> editor = Editor.configured();
        if (editor.isEmpty() || !wb.interactive()) {
            out.println("Set $EDITOR (or $VISUAL) to edit here; or type the new class definition at the prompt.");
            return;
        }
        try {
            Editor.open(editor.get(), file.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        loadIntoShell(Files.readString(file.get()));
    }

    private String brokenSource() {
        return Examples.brokenSource(current.pitfall())
                .orElseThrow(() -> new IllegalStateException("the broken example of " + current.id() + " is missing"));
    }

    private int width() {
        int columns = terminal.getWidth();
        return columns <= 0 ? 80 : Math.min(100, columns);
    }
}
