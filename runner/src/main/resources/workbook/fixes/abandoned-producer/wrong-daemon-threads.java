package workbook.abandonedproducer;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

// Wrong fix: daemon threads cannot keep the JVM from exiting, but while it runs they still park in
// SynchronousQueue.put forever and pile up with every call.
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
            Thread download = new Thread(() -> {
                try {
                    copies.put(mirror.download(path));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "download-" + mirror.name());
            download.setDaemon(true);
            download.start();
        }
        return copies.take();
    }
}
