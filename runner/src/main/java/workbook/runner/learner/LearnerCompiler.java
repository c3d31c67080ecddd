package workbook.runner.learner;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import workbook.harness.Pitfall;
import workbook.harness.TrialClasspath;
import workbook.harness.Variant;

/**
 * Compiles a learner's version of a broken example on its own, against the pitfall's contract, with
 * {@code javax.tools}. Errors name the learner's own file and line, as javac would.
 */
public final class LearnerCompiler {

    /**
     * @param classes the folder of compiled classes, to run as {@link Variant#MINE}
     * @param errors javac's messages, each naming the learner's file and line; empty when it compiled
     * @param warnings javac's warnings, the same way: "attempt to synchronize on an instance of a value-based class"
     *        is often the best hint there is
     */
    public record Compilation(Path classes, List<String> errors, List<String> warnings) {
        public boolean compiled() {
            return errors.isEmpty();
        }
    }

    /** javac's "class X is public, should be declared in a file named X.java". */
    private static final String PUBLIC_CLASS_ELSEWHERE = "compiler.err.class.public.should.be.in.file";

    /**
     * A file manager per thread, kept: it reads the JDK's and the class path's archives once, not at every compilation
     * (the wrong-fix suite compiles hundreds of files). Not shared between threads, which javac does not allow.
     */
    private static final ThreadLocal<StandardJavaFileManager> FILES = ThreadLocal.withInitial(
            () -> ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT, null));

    /** What a learner's file is compiled against: the broken variant's class path, which does not change. */
    private static final class ClassPath {
        static final String BROKEN = TrialClasspath.forVariant(Variant.BROKEN, null);
    }

    private LearnerCompiler() {
    }

    /**
     * Compiles {@code source} (named anything) as the pitfall's subject class into {@code buildDir}. The file is
     * compiled under the subject's name, since javac wants a public class in a file of its name; line numbers stay.
     */
    public static Compilation compile(Pitfall<?> pitfall, Path source, Path buildDir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler: run the workbook on a JDK, not a JRE");
        }
        String text;
        try {
            text = Files.readString(source);
        } catch (java.nio.charset.CharacterCodingException e) {
            return new Compilation(buildDir.resolve("classes"), List.of(source + ": is not UTF-8 text (a Latin-1 or"
                    + " binary file?): save it as UTF-8 and check it again"), List.of());
        }
        Path sources = buildDir.resolve("src");
        Path classes = buildDir.resolve("classes");
        deleteRecursively(buildDir);
        Files.createDirectories(classes);
        Path asSubject = sources.resolve(pitfall.subject().getSimpleName() + ".java");
        Files.createDirectories(sources);
        Files.writeString(asSubject, text);

        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager files = FILES.get();
        files.flush(); // forget the content of files read before: the learner may have changed them since
        List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-Xlint:all,-serial",
                "-d", classes.toString(), "-cp", ClassPath.BROKEN);
        boolean ok = javac.getTask(new StringWriter(), files, diagnostics, options, null,
                files.getJavaFileObjects(asSubject)).call();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && PUBLIC_CLASS_ELSEWHERE.equals(d.getCode())) {
                errors.add(source + ":" + d.getLineNumber() + ": error: the public class must be named "
                        + pitfall.subject().getSimpleName() + ", as the broken one is (the scenario runs that"
                        + " class)");
            } else if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(format(source, text, d, "error"));
            } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                warnings.add(format(source, text, d, "warning"));
            }
        }
        if (ok && errors.isEmpty()) {
            Path compiled = classes.resolve(pitfall.subject().getName().replace('.', '/') + ".class");
            if (!Files.exists(compiled)) {
                errors.add(source + ": must declare public class " + pitfall.subject().getSimpleName()
                        + " in package " + pitfall.subject().getPackageName()
                        + " (the scenario runs that class)");
            }
        } else if (errors.isEmpty()) {
            errors.add(source + ": javac failed without saying why");
        }
        return new Compilation(classes, errors, warnings);
    }

    /** As javac prints an error or a warning: file:line: message, the line itself, and a caret under the column. */
    private static String format(Path source, String text, Diagnostic<? extends JavaFileObject> d, String kind) {
        StringBuilder out = new StringBuilder();
        out.append(source).append(':').append(d.getLineNumber()).append(": ").append(kind).append(": ")
                .append(d.getMessage(Locale.ROOT));
        List<String> lines = text.lines().toList();
        long line = d.getLineNumber();
        if (line >= 1 && line <= lines.size()) {
            out.append('\n').append(lines.get((int) line - 1));
            if (d.getColumnNumber() >= 1) {
                out.append('\n').append(" ".repeat((int) d.getColumnNumber() - 1)).append('^');
            }
        }
        return out.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
