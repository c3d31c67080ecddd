package workbook.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sources of a pitfall's broken and fixed examples, as shipped in the pitfalls and solutions jars. Each is read
 * from its own jar, since the two classes have the same name.
 */
public final class Examples {

    private Examples() {
    }

    /** Where the subject's source lives inside a module, e.g. {@code workbook/lostupdate/PageViewCounter.java}. */
    public static String sourcePath(Pitfall<?> pitfall) {
        return pitfall.subject().getName().replace('.', '/') + ".java";
    }

    public static Optional<String> brokenSource(Pitfall<?> pitfall) {
        return read(location(pitfall.getClass()), sourcePath(pitfall));
    }

    public static Optional<String> fixedSource(Pitfall<?> pitfall) {
        return solutions().flatMap(entry -> read(entry, sourcePath(pitfall)));
    }

    /** Whether the solutions jar holds the compiled fixed class. */
    public static boolean hasFixedClass(Pitfall<?> pitfall) {
        String classFile = pitfall.subject().getName().replace('.', '/') + ".class";
        return solutions().flatMap(entry -> read(entry, classFile)).isPresent();
    }

    private static Optional<Path> solutions() {
        return TrialClasspath.entries(System.getProperty("java.class.path")).stream().map(Path::of)
                .filter(TrialClasspath::holdsSolutions).findFirst();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }

    private static Optional<String> read(Path entry, String resource) {
        try (URLClassLoader only = new URLClassLoader(new URL[]{entry.toUri().toURL()}, null)) {
            URL url = only.findResource(resource);
            if (url == null) {
                return Optional.empty();
            }
            try (InputStream in = url.openStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from " + entry, e);
        }
    }
}
