package workbook.fireandforgetexception;

/** The receipt of one order, to be mailed to the customer. An empty e-mail address means the customer gave none. */
public record Receipt(String orderId, String email, String text) {
}
