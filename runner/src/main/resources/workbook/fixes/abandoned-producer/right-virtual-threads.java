package workbook.abandonedproducer;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

// Right fix, another way than the reference: the same room for every copy, with a virtual thread per download.
// expect: FIXED

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
            Thread.ofVirtual().name("download-" + mirror.name()).start(() -> {
                try {
                    copies.put(mirror.download(path));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return copies.take();
    }
}
