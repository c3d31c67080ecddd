package workbook.fireandforgetexception;

/** The mail server. */
public interface MailGateway {

    /** Hands one mail to the server; throws {@link MailException} when the server rejects it. */
    void deliver(String to, String text);
}
