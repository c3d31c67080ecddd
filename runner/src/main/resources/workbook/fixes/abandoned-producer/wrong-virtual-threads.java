package workbook.abandonedproducer;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

// Wrong fix: virtual threads are cheap, so let them wait. They still park in SynchronousQueue.put forever, each
// holding its copy, and pile up with every call exactly like the platform threads did.
// expect: STILL BROKEN

/** Asks every mirror for the file at once and returns the first copy to arrive. */
public class FastestMirror implements FileSource {

    private final List<Mirror> mirrors;

    public FastestMirror(List<Mirror> mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    public String fetch(String path) throws InterruptedException {
        BlockingQueue<String> copies = new SynchronousQueue<>();
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
