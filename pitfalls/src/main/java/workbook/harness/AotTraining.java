package workbook.harness;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The main class of an {@link AotCache} training run: a trial whose pitfall classes (its scenario, and the example it
 * runs) are loaded by a class loader of its own, which the JDK leaves out of the cache. The cache then holds the
 * JDK's classes, the harness's and the libraries', never an example: a cached broken example would be run in place of
 * a fixed one or a learner's (seen with JDK 25, whose cache is loaded whatever a trial's class path puts first).
 *
 * <p>Arguments: the jars of the pitfalls, then the trial's own arguments ({@link TrialMain}).
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        URL[] jars = Arrays.stream(args[0].split(File.pathSeparator)).map(AotTraining::url).toArray(URL[]::new);
        ClassLoader pitfalls = new PitfallsFirst(jars, AotTraining.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(pitfalls); // where the harness looks for the pitfalls
        TrialMain.main(Arrays.copyOfRange(args, 1, args.length));
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }

    /** Loads the workbook's classes outside the harness itself, before asking its parent. */
    private static final class PitfallsFirst extends URLClassLoader {
        PitfallsFirst(URL[] jars, ClassLoader parent) {
            super("workbook-pitfalls", jars, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("workbook.") || name.startsWith(AotTraining.class.getPackageName() + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
