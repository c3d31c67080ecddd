package workbook.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the class under test and its nested classes anew, from the same bytes as the loader that loaded it, so that
 * a scenario gets classes that nothing has initialised yet, with statics of their own: a round of class-init-cycle
 * gets a first use again; shared-formatter calls a format whose static state no race has touched. Everything else
 * (the contract, the carrier) comes from that loader, shared. A class is initialised once per loader.
 */
public final class FreshClasses extends ClassLoader {

    private final String outer;
    private final URL location;

    public FreshClasses(Class<?> implementation) {
        super("fresh-" + implementation.getSimpleName(), implementation.getClassLoader());
        this.outer = implementation.getName();
        this.location = implementation.getProtectionDomain().getCodeSource().getLocation();
    }

    /** The class under test, loaded anew and not initialised. */
    public Class<?> load() throws ClassNotFoundException {
        return loadClass(outer);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(outer) && !name.startsWith(outer + "$")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = bytesOf(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }

    /**
     * The class file from where the class under test itself came from (a learner's folder, or the jar of the
     * variant): a parent loader would look in its own class path first, and could find another variant's class.
     */
    private byte[] bytesOf(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        try {
            Path source = Path.of(location.toURI());
            if (Files.isDirectory(source)) {
                Path path = source.resolve(file);
                if (!Files.isRegularFile(path)) {
                    throw new ClassNotFoundException(name);
                }
                return Files.readAllBytes(path);
            }
            try (JarFile jar = new JarFile(source.toFile())) {
                JarEntry entry = jar.getJarEntry(file);
                if (entry == null) {
                    throw new ClassNotFoundException(name);
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class " + name, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find where " + outer + " came from: " + location, e);
        }
    }
}
