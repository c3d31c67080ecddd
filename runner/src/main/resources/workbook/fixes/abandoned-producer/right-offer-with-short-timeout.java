package workbook.abandonedproducer;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

// Right fix, another way than the reference: offer with a short timeout instead of put. The caller is already
// waiting in take() when the first copy comes, so it is handed over at once; a download that loses the race finds
// no taker, gives up after 100 ms and ends.
// expect: FIXED

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
                    copies.offer(mirror.download(path), 100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return copies.take();
    }
}
