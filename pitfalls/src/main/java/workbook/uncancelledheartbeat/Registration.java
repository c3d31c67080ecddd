package workbook.uncancelledheartbeat;

/**
 * One instance's listing in the registry: listed from {@link #open()} until {@link #close()}. The promises: while
 * open, it sends a heartbeat every interval, on the shared scheduler it was given (no thread or scheduler of its
 * own); {@code open()} and {@code close()} return at once; after {@code close()} no heartbeat comes and no task of
 * it is left on the scheduler, which goes on running the application's other tasks (it is shared: close() must not
 * shut it down).
 */
public interface Registration extends AutoCloseable {

    void open();

    @Override
    void close();
}
