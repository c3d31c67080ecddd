package workbook.runner.repl;

import java.io.File;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import workbook.harness.Harness;

/**
 * A live Java shell (the JShell API) whose snippets run in a remote VM with the workbook on its class path. It warms
 * up in the background; every evaluation is bounded; a VM that cannot be stopped (a {@code synchronized} deadlock, a
 * {@code System.exit}) is replaced by a new one with the learner's declarations replayed.
 */
final class JavaShell implements AutoCloseable {

    /** How long to wait for {@link JShell#stop()} to end a running snippet before the VM is replaced. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final List<String> classPath;
    private final PrintStream out;
    private ExecutorService evaluator = newEvaluator();
    private volatile boolean vmGone;
    /** Whether the input being evaluated is the workbook's, not the learner's: only errors are printed. */
    private boolean quiet;
    private final List<String> declarations = new ArrayList<>();
    private CompletableFuture<JShell> shell;

    JavaShell(List<String> classPath, PrintStream out) {
        this.classPath = classPath;
        this.out = out;
        this.shell = start();
    }

    private CompletableFuture<JShell> start() {
        return CompletableFuture.supplyAsync(() -> {
            JShell js = JShell.builder().out(out).err(out).remoteVMOptions("-XX:+UseSerialGC", "-Xmx256m").build();
            vmGone = false;
            js.onShutdown(closed -> vmGone = true);
            // One call for the whole path: each call costs a round trip to the VM and a new compiler class path
            // (measured: 18 jars one by one 1.7 s, in one call 0.4 s).
            js.addToClasspath(String.join(File.pathSeparator, classPath));
            // The first evaluation starts the remote VM: pay for it now, not at the learner's first. The VM shares
            // the terminal's process group: Ctrl-C must stop the snippet (through stop()), not kill the VM.
            // A statement, not an expression: an expression would take the name $1 from the learner's first value.
            js.eval("if (true) { sun.misc.Signal.handle(new sun.misc.Signal(\"INT\"), sun.misc.SignalHandler.SIG_IGN); }");
            return js;
        }, Executors.newSingleThreadExecutor(Harness.threads("jshell-start")));
    }

    private static ExecutorService newEvaluator() {
        return Executors.newSingleThreadExecutor(Harness.threads("jshell-eval"));
    }

    /** The shell, once warm; {@code null} while it is still starting (completion must not wait for it). */
    JShell ifReady() {
        return shell.isDone() && !shell.isCompletedExceptionally() ? shell.join() : null;
    }

    JShell get() {
        try {
            return shell.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Java shell was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Java shell did not start: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Whether the input is a complete snippet (or several); incomplete input asks for more lines. Waits for the shell
     * if it is still starting: without it, the first line of a class would be evaluated alone.
     */
    boolean isIncomplete(String input) {
        try {
            return get().sourceCodeAnalysis().analyzeCompletion(input)
                    .completeness() == Completeness.DEFINITELY_INCOMPLETE;
        } catch (IllegalStateException noShell) {
            return false; // evaluating it will say why there is no shell
        }
    }

    /**
     * Evaluates every snippet in the input, printing what jshell would. Returns early, stopping the snippet, when
     * the calling thread is interrupted (Ctrl-C) or {@code limit} passes; replaces the VM if the snippet will not
     * stop.
     */
    void eval(String input, Duration limit) {
        JShell js = get();
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        String remaining = input;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return;
            }
            String source = info.completeness().isComplete() ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            if (!evalOne(js, source, limit)) {
                return;
            }
            js = get();
        }
    }

    /**
     * Evaluates the workbook's own input, such as the broken example it defines for the learner: as {@link #eval},
     * but only errors are printed, so that "created" and "replaced" always answer what the learner typed.
     */
    void evalQuietly(String input, Duration limit) {
        quiet = true;
        try {
            eval(input, limit);
        } finally {
            quiet = false;
        }
    }

    /** Evaluates one snippet on the evaluator thread; false when it had to be stopped. */
    private boolean evalOne(JShell js, String source, Duration limit) {
        Future<List<SnippetEvent>> running = evaluator.submit(() -> js.eval(source));
        try {
            report(js, running.get(limit.toMillis(), TimeUnit.MILLISECONDS));
            if (vmGone) {
                out.println("|  The snippet ended the shell's VM (System.exit?).");
                restart();
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            stop(js, running, "Ctrl-C");
            return false;
        } catch (TimeoutException e) {
            stop(js, running, "it ran for " + limit.toSeconds() + " s, the limit");
            return false;
        } catch (ExecutionException e) {
            out.println("|  The shell's VM had ended (" + e.getCause().getMessage() + ")");
            restart();
            return false;
        }
    }

    private void stop(JShell js, Future<List<SnippetEvent>> running, String why) {
        js.stop();
        try {
            running.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            out.println("|  Stopped (" + why + ").");
        } catch (TimeoutException | ExecutionException | InterruptedException stuck) {
            out.println("|  The snippet would not stop (" + why + "): its thread ignores stop() and interrupts (as a"
                    + " thread blocked entering synchronized, or in a blocking native call such as a socket write,"
                    + " does). Starting a new shell VM and replaying your declarations.");
            restart();
        } finally {
            Thread.interrupted(); // the interrupt was for the snippet, not for the REPL
        }
    }

    /** A new VM with the learner's imports, classes and methods replayed; variables are not. */
    void restart() {
        JShell old = ifReady();
        if (old != null) {
            old.close();
        }
        evaluator.shutdownNow();
        evaluator = newEvaluator();
        shell = start();
        JShell js = get();
        List<String> replay = List.copyOf(declarations);
        declarations.clear();
        for (String source : replay) {
            List<SnippetEvent> events = js.eval(source);
            if (events.stream().allMatch(e -> e.status().isActive())) {
                declarations.add(source);
            }
        }
        out.println("|  A new shell VM is ready; " + declarations.size() + " declarations replayed.");
    }

    /** The learner's current source of a class, as the shell has it. */
    Optional<String> typeSource(String name) {
        JShell js = get();
        return js.types().filter(t -> t.name().equals(name) && js.status(t).isActive()).map(TypeDeclSnippet::source)
                .reduce((first, second) -> second);
    }

    /** The shell's active imports, as source lines. */
    List<String> imports() {
        JShell js = get();
        return js.imports().filter(i -> js.status(i).isActive()).map(i -> i.source().strip()).toList();
    }

    List<String> completions(String buffer, int cursor) {
        JShell js = ifReady();
        if (js == null) {
            return List.of();
        }
        int[] anchor = new int[1];
        return js.sourceCodeAnalysis().completionSuggestions(buffer, cursor, anchor).stream()
                .map(s -> buffer.substring(0, anchor[0]) + s.continuation()).distinct().toList();
    }

    private void report(JShell js, List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() != null) {
                continue; // an update caused by another snippet: jshell stays quiet about it too
            }
            if (event.status() == Snippet.Status.REJECTED) {
                js.diagnostics(snippet).forEach(d -> diagnostic(snippet.source(), d));
                continue;
            }
            if (event.exception() != null) {
                exception(event.exception());
                continue;
            }
            if (snippet.kind().isPersistent() && event.status().isActive()) {
                rememberDeclaration(snippet);
            }
            if (quiet) {
                continue;
            }
            switch (snippet.kind()) {
                case VAR, EXPRESSION -> out.println(name(snippet) + " ==> " + event.value());
                case TYPE_DECL -> out.println("|  " + (event.previousStatus() == Snippet.Status.NONEXISTENT
                        ? "created "
                        : "replaced ") + ((TypeDeclSnippet) snippet).name() + unresolved(js, snippet));
                case METHOD -> out.println("|  " + (event.previousStatus() == Snippet.Status.NONEXISTENT
                        ? "created "
                        : "replaced ") + "method " + ((jdk.jshell.MethodSnippet) snippet).name()
                        + unresolved(js, snippet));
                default -> {
                }
            }
        }
        out.flush();
    }

    private void rememberDeclaration(Snippet snippet) {
        if (snippet.kind() == Snippet.Kind.IMPORT || snippet.kind() == Snippet.Kind.TYPE_DECL
                || snippet.kind() == Snippet.Kind.METHOD) {
            declarations.add(snippet.source());
        }
    }

    private static String name(Snippet snippet) {
        return switch (snippet) {
            case jdk.jshell.VarSnippet v -> v.name();
            case jdk.jshell.ExpressionSnippet e -> e.name();
            default -> snippet.id();
        };
    }

    private static String unresolved(JShell js, Snippet snippet) {
        List<String> missing = js.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet).toList();
        return missing.isEmpty()
                ? ""
                : ", but it cannot be used until " + String.join(", ", missing)
                        + " is declared";
    }

    private void diagnostic(String source, Diag diag) {
        out.println("|  Error:");
        diag.getMessage(null).lines().forEach(line -> out.println("|  " + line));
        int position = (int) diag.getStartPosition();
        if (position >= 0 && position <= source.length()) {
            int lineStart = source.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
            int lineEnd = source.indexOf('\n', position);
            String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            out.println("|  " + line);
            out.println("|  " + " ".repeat(Math.max(0, position - lineStart)) + "^");
        }
    }

    private void exception(JShellException exception) {
        String type = exception instanceof EvalException eval
                ? eval.getExceptionClassName()
                : exception instanceof UnresolvedReferenceException unresolved
                        ? "unresolved reference: " + unresolved.getSnippet().source().lines().findFirst().orElse("")
                        : exception.getClass().getName();
        out.println("|  Exception " + type + (exception.getMessage() == null ? "" : ": " + exception.getMessage()));
        String frames = java.util.Arrays.stream(exception.getStackTrace()).limit(8)
                .map(frame -> "|        at " + frame).collect(Collectors.joining("\n"));
        if (!frames.isEmpty()) {
            out.println(frames);
        }
    }

    @Override
    public void close() {
        JShell js = ifReady();
        if (js != null) {
            js.close();
        }
        evaluator.shutdownNow();
    }
}
