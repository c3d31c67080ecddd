package workbook.clientperrequest;

import java.io.IOException;

/** The users of the profile service, looked up over HTTP. Called by every request this service handles. */
public interface UserDirectory extends AutoCloseable {

    /**
     * The user's display name, as the profile service has it. The promises beyond the name: when the service does
     * not answer 200 (no such user), it throws an {@link IOException}; and whether it returns or throws, no thread it
     * started for the lookup outlives it.
     */
    String displayName(String userId) throws IOException, InterruptedException;

    /**
     * The application is done with this directory: a directory that keeps threads from one lookup to the next (a
     * client it shares across lookups) ends them here. Keeping none, it has nothing to do.
     */
    @Override
    default void close() {
    }
}
