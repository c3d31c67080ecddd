package workbook.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every pitfall on the class path, found with {@link ServiceLoader}. */
public final class Pitfalls {

    private static final String SERVICES = "META-INF/services/" + Pitfall.class.getName();

    private Pitfalls() {
    }

    public static List<Pitfall<?>> all() {
        return ServiceLoader.load(Pitfall.class).stream().<Pitfall<?>>map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Pitfall::id)).toList();
    }

    /**
     * The pitfall of this id. Its package is named after it ({@code lost-update}: {@code workbook.lostupdate}), so
     * that the one registered there is made alone: a trial's JVM then loads one pitfall's classes, not the catalog's
     * (tens of milliseconds of its start). A pitfall named otherwise is found among all of them.
     */
    public static Optional<Pitfall<?>> byId(String id) {
        String ownPackage = "workbook." + id.replace("-", "") + ".";
        for (String provider : providerNames()) {
            if (provider.startsWith(ownPackage) && provider.indexOf('.', ownPackage.length()) < 0) {
                Optional<Pitfall<?>> pitfall = make(provider).filter(p -> p.id().equals(id));
                if (pitfall.isPresent()) {
                    return pitfall;
                }
            }
        }
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Where the pitfalls are looked for, as {@link ServiceLoader#load(Class)} looks: the thread's context class loader
     * (an AOT training run sets its own, so that no pitfall class ends up in the cache).
     */
    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }

    /** The class names the service files on the class path register, as {@link ServiceLoader} reads them. */
    private static List<String> providerNames() {
        List<String> names = new ArrayList<>();
        try {
            for (URL file : Collections.list(loader().getResources(SERVICES))) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                    lines.lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SERVICES, e);
        }
        return names;
    }

    /** The registered pitfall of this class made as ServiceLoader would make it; empty if it cannot be. */
    private static Optional<Pitfall<?>> make(String className) {
        try {
            Object made = Class.forName(className, true, loader()).getConstructor().newInstance();
            return made instanceof Pitfall<?> pitfall ? Optional.of(pitfall) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty(); // found among all of them, or said to be missing, as ServiceLoader would
        }
    }
}
