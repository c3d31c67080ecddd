package workbook.abandonedproducer;

/** Somewhere to get a file from. */
public interface FileSource {

    String fetch(String path) throws InterruptedException;
}
