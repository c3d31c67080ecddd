package workbook.abandonedproducer;

/** One server holding a copy of every file. Some are fast, some are slow. */
public interface Mirror {

    String name();

    String download(String path);
}
