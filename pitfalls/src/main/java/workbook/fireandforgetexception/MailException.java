package workbook.fireandforgetexception;

/** The mail server refused a mail, e.g. {@code 550 5.1.1 mailbox unavailable}. */
public class MailException extends RuntimeException {

    public MailException(String message) {
        super(message);
    }
}
