package workbook.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a class's own class files name: the class, its nested, local and anonymous classes (named in its constant
 * pool), and its superclasses outside the JDK. Read as bytes: names in a constant pool are plain ASCII here.
 */
final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * Whether any of those class files contains {@code text} (a name in the JVM's form, e.g.
     * {@code java/util/concurrent/locks/}); empty when one of them cannot be read.
     */
    static Optional<Boolean> mention(Class<?> type, String text) {
        for (Class<?> c = type; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            Optional<Boolean> found = mentionIn(c, text);
            if (found.isEmpty() || found.get()) {
                return found;
            }
        }
        return Optional.of(false);
    }

    /** The class and the classes nested in its outermost class, read from where the class was loaded. */
    private static Optional<Boolean> mentionIn(Class<?> type, String text) {
        Set<String> read = new HashSet<>();
        Deque<String> toRead = new ArrayDeque<>(List.of(type.getName().replace('.', '/')));
        Pattern nested = Pattern.compile(Pattern.quote(outermost(type.getName().replace('.', '/')) + "$") + "[\\w$]+");
        while (!toRead.isEmpty()) {
            String name = toRead.poll();
            if (!read.add(name)) {
                continue;
            }
            Optional<String> bytes = bytesOf(type, name);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            if (bytes.get().contains(text)) {
                return Optional.of(true);
            }
            Matcher names = nested.matcher(bytes.get());
            while (names.find()) {
                toRead.add(names.group());
            }
        }
        return Optional.of(false);
    }

    private static String outermost(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    /**
     * A class file beside {@code anchor}'s, where {@code anchor} was loaded from (a learner's classes shadow the broken
     * example's of the same name: the class loader's own lookup could answer with those).
     */
    private static Optional<String> bytesOf(Class<?> anchor, String name) {
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            URL base = source.getLocation();
            URL file = base.getPath().endsWith(".jar")
                    ? URI.create("jar:" + base + "!/" + name + ".class").toURL()
                    : base.toURI().resolve(name + ".class").toURL();
            try (InputStream in = file.openStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
