package workbook.clientperrequest;

import java.io.IOException;

/** The users of the profile service, looked up over HTTP. Called by every request this service handles. */
public interface UserDirectory {

    /** The user's display name, as the profile service has it. */
    String displayName(String userId) throws IOException, InterruptedException;
}
