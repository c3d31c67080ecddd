package workbook.uncancelledheartbeat;

/** One instance's listing in the registry: listed from {@link #open()} until {@link #close()}. */
public interface Registration extends AutoCloseable {

    void open();

    @Override
    void close();
}
