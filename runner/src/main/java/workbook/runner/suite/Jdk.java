package workbook.runner.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JDK that trials can run on: its home, feature version, full version and vendor. Found the way the
 * {@code workbook} launcher finds one: a home given as a path, or a feature version looked for in
 * {@code WORKBOOK_JAVA_HOME}, {@code JAVA_HOME}, the {@code java} on the PATH and the usual install folders.
 */
public record Jdk(Path home, int feature, String version, String vendor) {

    /** The oldest JDK the workbook's classes run on. */
    public static final int OLDEST = 21;

    /** The JDK this JVM runs on. */
    public static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize(),
                Runtime.version().feature(), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"));
    }

    /** "JDK 25.0.3 (Eclipse Adoptium)": as reports name it. */
    public String label() {
        return "JDK " + version + " (" + vendor + ")";
    }

    /**
     * The JDK that {@code spec} names: a folder holding a JDK, or a feature version such as {@code 21}.
     *
     * @throws IllegalArgumentException saying what was looked for and where, if there is none, or it is older than
     *         {@link #OLDEST}
     */
    public static Jdk find(String spec) {
        String named = spec.strip();
        if (named.matches("\\d{1,3}")) {
            int feature = Integer.parseInt(named);
            if (feature < OLDEST) {
                throw new IllegalArgumentException("JDK " + feature + ": trials need JDK " + OLDEST + " or newer");
            }
            if (feature == Runtime.version().feature()) {
                return current();
            }
            return candidates().stream().map(Jdk::at).flatMap(Optional::stream).filter(jdk -> jdk.feature == feature)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no JDK " + feature + " found (looked in"
                            + " WORKBOOK_JAVA_HOME, JAVA_HOME, the java on the PATH, /usr/lib/jvm, /usr/java,"
                            + " /opt/java, ~/.sdkman and ~/.jdks); name its folder instead"));
        }
        Path home = Path.of(named).toAbsolutePath().normalize();
        Jdk jdk = at(home).orElseThrow(() -> new IllegalArgumentException(
                "no JDK at " + home + " (it has no bin/java, or no release file telling its version)"));
        if (jdk.feature < OLDEST) {
            throw new IllegalArgumentException(jdk.label() + " at " + home + ": trials need JDK " + OLDEST
                    + " or newer");
        }
        return jdk;
    }

    /** The JDK at {@code home}, read from its {@code release} file without starting it; empty if there is none. */
    static Optional<Jdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties fields = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            fields.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = unquoted(fields.getProperty("JAVA_RUNTIME_VERSION", fields.getProperty("JAVA_VERSION", "")));
        String feature = version.replaceFirst("^(\\d+).*", "$1");
        if (!feature.matches("\\d+")) {
            return Optional.empty();
        }
        Path normalized = home.toAbsolutePath().normalize();
        if (normalized.equals(current().home())) {
            return Optional.of(current());
        }
        return Optional.of(new Jdk(normalized, Integer.parseInt(feature), version,
                unquoted(fields.getProperty("IMPLEMENTOR", "unknown vendor"))));
    }

    private static String unquoted(String value) {
        return value.strip().replaceAll("^\"|\"$", "");
    }

    /** Where the launcher looks for a JDK, in its order. */
    private static List<Path> candidates() {
        List<Path> homes = new ArrayList<>();
        Stream.of("WORKBOOK_JAVA_HOME", "JAVA_HOME").map(System::getenv).filter(h -> h != null && !h.isBlank())
                .map(Path::of).forEach(homes::add);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path java = Path.of(dir, "java");
                if (Files.isExecutable(java)) {
                    try {
                        homes.add(java.toRealPath().getParent().getParent());
                    } catch (IOException e) {
                        // A dangling link: not a JDK.
                    }
                }
            }
        }
        String user = System.getProperty("user.home");
        for (Path folder : List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                Path.of("/Library/Java/JavaVirtualMachines"), Path.of(user, ".sdkman", "candidates", "java"),
                Path.of(user, ".jdks"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> each = Files.list(folder)) {
                    each.sorted()
                            .map(h -> Files.isDirectory(h.resolve("Contents/Home")) ? h.resolve("Contents/Home") : h)
                            .forEach(homes::add);
                } catch (IOException e) {
                    // An unreadable folder holds no JDK we can use.
                }
            }
        }
        return homes;
    }
}
