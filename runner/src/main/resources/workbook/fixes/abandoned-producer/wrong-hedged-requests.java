package workbook.abandonedproducer;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

// Wrong fix: hedged requests. Ask one mirror; if no copy comes within 100 ms, ask the next one too. Every download
// has room for its copy, so none is left behind, but the mirrors are asked in turn, not at once, and a fast mirror
// late in the list waits for the hedges before it is even asked.
// expect: DOES NOT WORK

/** Asks every mirror for the file at once and returns the first copy to arrive. */
public class FastestMirror implements FileSource {

    private final List<Mirror> mirrors;

    public FastestMirror(List<Mirror> mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    public String fetch(String path) throws InterruptedException {
        BlockingQueue<String> copies = new ArrayBlockingQueue<>(mirrors.size());
        for (Mirror mirror : mirrors) {
            Thread.ofPlatform().name("download-" + mirror.name()).start(() -> {
                try {
                    copies.put(mirror.download(path));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String copy = copies.poll(100, TimeUnit.MILLISECONDS);
            if (copy != null) {
                return copy;
            }
        }
        return copies.take();
    }
}
