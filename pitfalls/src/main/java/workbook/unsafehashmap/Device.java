package workbook.unsafehashmap;

/** A device connected to the gateway: its id and the address its pushes go to. */
public record Device(String id, String address) {
}
