package workbook.abandonedproducer;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

// Wrong fix: offer with a timeout instead of put, so a download that finds no taker gives up. It does, but only
// after the timeout: until then every abandoned download is a live thread holding its copy. This bounds the leak
// by the timeout; it does not remove it.
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
            Thread.ofPlatform().name("download-" + mirror.name()).start(() -> {
                try {
                    copies.offer(mirror.download(path), 5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return copies.take();
    }
}
