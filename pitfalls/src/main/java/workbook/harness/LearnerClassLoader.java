package workbook.harness;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a learner's compiled classes ahead of the broken ones they shadow, so that several learners' fixes of one
 * pitfall can take their turns in one JVM ({@link TrialBatch#runLearners}). A class found in the learner's folder is
 * defined here, fresh, with its own statics; everything else (the contract, the scenario, the JDK) comes from the
 * parent, shared. Only for subjects that use their package's public parts: a class defined here is in another
 * runtime package than its package-mates in the parent.
 */
final class LearnerClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Path classes;

    LearnerClassLoader(Path classes, ClassLoader parent) {
        super(new URL[]{url(classes)}, parent);
        this.classes = classes;
    }

    private static URL url(Path folder) {
        try {
            return folder.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && Files.isRegularFile(classes.resolve(name.replace('.', '/') + ".class"))) {
                loaded = findClass(name);
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
