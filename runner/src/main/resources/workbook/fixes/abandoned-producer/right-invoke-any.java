package workbook.abandonedproducer;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Right fix, another way than the reference: invokeAny returns the first copy and cancels the other downloads,
// and the call's pool is shut down in a finally block, so its threads end when their download does.
// expect: FIXED

/** Asks every mirror for the file at once and returns the first copy to arrive. */
public class FastestMirror implements FileSource {

    private final List<Mirror> mirrors;

    public FastestMirror(List<Mirror> mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    public String fetch(String path) throws InterruptedException {
        ExecutorService downloads = Executors.newFixedThreadPool(mirrors.size());
        List<Callable<String>> tasks = mirrors.stream().<Callable<String>>map(m -> () -> m.download(path)).toList();
        try {
            return downloads.invokeAny(tasks);
        } catch (ExecutionException e) {
            throw new IllegalStateException("no mirror had " + path, e.getCause());
        } finally {
            downloads.shutdownNow();
        }
    }
}
