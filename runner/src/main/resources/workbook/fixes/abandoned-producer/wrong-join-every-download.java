package workbook.abandonedproducer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

// Wrong fix: join every download thread before returning, so none can outlive the call. None does, but fetch()
// now waits for the slowest mirror, and the contract says it returns as soon as the first copy arrives.
// expect: DOES NOT WORK

/** Asks every mirror for the file at once and returns the first copy to arrive. */
public class FastestMirror implements FileSource {

    private final List<Mirror> mirrors;

    public FastestMirror(List<Mirror> mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    public String fetch(String path) throws InterruptedException {
        BlockingQueue<String> copies = new LinkedBlockingQueue<>();
        List<Thread> downloads = new ArrayList<>();
        for (Mirror mirror : mirrors) {
            downloads.add(Thread.ofPlatform().name("download-" + mirror.name())
                    .start(() -> copies.add(mirror.download(path))));
        }
        String first = copies.take();
        for (Thread download : downloads) {
            download.join();
        }
        return first;
    }
}
