package workbook.threadlocalbleed;

/** The application: answers a request, asking {@link CurrentUser} who it answers for. */
public interface Handler {

    String handle(Request request) throws Exception;
}
