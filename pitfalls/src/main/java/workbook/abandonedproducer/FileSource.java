package workbook.abandonedproducer;

/** Somewhere to get a file from. */
public interface FileSource {

    /**
     * Returns a copy of the file. The promises beyond the copy: it asks every mirror at once (their downloads run in
     * parallel), it returns the first copy to arrive as soon as it arrives (it never waits for the slower mirrors),
     * and it leaves no thread behind (every download it started ends once its mirror has answered).
     */
    String fetch(String path) throws InterruptedException;
}
