package workbook.closedundertask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One document: a body of 1 or 2 chunks written in 1 to 2 ms each, and 1 to 3 attachments of 4 to 6 chunks written
 * in 3 to 5 ms each, so that the attachments are still being written when the body is done. In a failing round the
 * store rejects one chunk, drawn for the round: of one attachment, its third or a later one; or of the body, while
 * the attachments are still being written.
 */
final class Round {

    /** Where the store rejects a chunk, if it does. */
    enum Failure {
        NONE, BODY, ATTACHMENT
    }

    static final List<String> ATTACHMENTS = List.of("scan.png", "terms.pdf", "receipt.jpg", "photo-1.jpg",
            "photo-2.jpg", "signature.png");

    private final Document document;
    private final ScriptedStore store;
    private final String rejected;

    Round(Failure failure, SplittableRandom random) {
        String name = "invoice-" + (1000 + random.nextInt(9000)) + ".pdf";
        Map<String, Long> millis = new HashMap<>();
        millis.put(name, random.nextLong(1, 3));
        List<String> body = chunks(name, random.nextInt(1, 3));
        Map<String, List<String>> attachments = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(ATTACHMENTS);
        int count = random.nextInt(1, 4);
        for (int i = 0; i < count; i++) {
            String attachment = names.remove(random.nextInt(names.size()));
            attachments.put(attachment, chunks(attachment, random.nextInt(4, 7)));
            millis.put(attachment, random.nextLong(3, 6));
        }
        document = new Document(name, body, attachments);
        rejected = switch (failure) {
            case NONE -> null;
            case BODY -> body.get(random.nextInt(body.size()));
            case ATTACHMENT -> {
                List<String> part = new ArrayList<>(attachments.values()).get(random.nextInt(count));
                // Its third chunk or a later one: written well after the body is done, so that in a broken upload the
                // connection is closed before the store gets to reject it.
                yield part.get(random.nextInt(2, part.size()));
            }
        };
        store = new ScriptedStore(part -> millis.get(part), rejected);
    }

    private static List<String> chunks(String part, int count) {
        List<String> chunks = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            chunks.add(part + "#" + i);
        }
        return chunks;
    }

    Document document() {
        return document;
    }

    ScriptedStore store() {
        return store;
    }

    boolean failing() {
        return rejected != null;
    }

    String rejectedChunk() {
        return rejected;
    }

    /** Every chunk of the document, body and attachments. */
    List<String> allChunks() {
        List<String> all = new ArrayList<>(document.body());
        document.attachments().values().forEach(all::addAll);
        return all;
    }

    /** The part a chunk belongs to. */
    boolean isBody(String part) {
        return part.equals(document.name());
    }
}
