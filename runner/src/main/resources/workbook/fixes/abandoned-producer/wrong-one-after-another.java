package workbook.abandonedproducer;

import java.util.List;

// Wrong fix: no thread, no queue, nothing to leak: ask the mirrors one after another and keep the first copy.
// The contract asks every mirror at once; this waits for each in turn, and a slow mirror first holds up the call.
// expect: DOES NOT WORK

/** Asks every mirror for the file at once and returns the first copy to arrive. */
public class FastestMirror implements FileSource {

    private final List<Mirror> mirrors;

    public FastestMirror(List<Mirror> mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    public String fetch(String path) throws InterruptedException {
        for (Mirror mirror : mirrors) {
            String copy = mirror.download(path);
            if (copy != null) {
                return copy;
            }
        }
        throw new IllegalStateException("no mirror has " + path);
    }
}
