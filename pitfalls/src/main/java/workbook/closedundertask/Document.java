package workbook.closedundertask;

import java.util.List;
import java.util.Map;

/** A document to store: its body and its attachments, each a list of chunks, by name. */
public record Document(String name, List<String> body, Map<String, List<String>> attachments) {
}
