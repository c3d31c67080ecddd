package workbook.swallowedinterrupt;

import java.util.List;

/** A remote mailbox: new messages are fetched, then marked read. */
public interface Inbox {

    List<String> fetchNew();

    void markRead(String message);
}
