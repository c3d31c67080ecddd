package workbook.reusedtaskargument;

/** The mail gateway. Slow: every mail is a round trip to the mail provider. */
public interface Mailer {

    void send(String to, String text);
}
