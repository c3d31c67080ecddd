package workbook.harness;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live virtual threads, which {@link Thread#getAllStackTraces()} and {@code ThreadMXBean} leave out: read from
 * the JDK's own thread dump ({@code jcmd <pid> Thread.dump_to_file -format=json} does the same), which lists every
 * thread the JVM tracks, virtual ones included. A thread of the dump that is no platform thread is a virtual one.
 */
final class VirtualThreads {

    /**
     * A virtual thread as the dump shows it: its id, name, state (where the JDK says it), what it waits for, the
     * monitor it is blocked entering and the monitors it holds ({@code "java.lang.Object@4f6ee6e4"}, where the JDK
     * says them), and its stack.
     */
    record Dumped(long id, String name, String state, String waitingOn, String blockedOn, List<String> holds,
            List<String> stack) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final HotSpotDiagnosticMXBean DIAGNOSTICS = ManagementFactory
            .getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    private VirtualThreads() {
    }

    /** The virtual threads alive now, by id. */
    static Map<Long, Dumped> alive() {
        Set<Long> platform = Thread.getAllStackTraces().keySet().stream().map(Thread::threadId)
                .collect(Collectors.toSet());
        return dump().stream().filter(t -> !platform.contains(t.id()))
                .collect(Collectors.toMap(Dumped::id, Function.identity(), (a, b) -> a));
    }

    private static List<Dumped> dump() {
        Path file = null;
        try {
            Path dir = Files.createTempDirectory("workbook-threads-");
            file = dir.resolve("threads.json");
            DIAGNOSTICS.dumpThreads(file.toString(), ThreadDumpFormat.JSON);
            return parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JVM's thread dump: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                Processes.deleteQuietly(file.getParent());
            }
        }
    }

    /** Reads the threads of every container of a JSON thread dump; fields a JDK does not write stay empty. */
    static List<Dumped> parse(Path file) throws IOException {
        List<Dumped> threads = new ArrayList<>();
        try (JsonParser json = JSON.createParser(file.toFile())) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.FIELD_NAME && json.currentName().equals("threads")) {
                    json.nextToken();
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        threads.add(thread(json));
                    }
                }
            }
        }
        return threads;
    }

    private static Dumped thread(JsonParser json) throws IOException {
        long id = -1;
        String name = "";
        String state = null;
        String waitingOn = null;
        String blockedOn = null;
        List<String> holds = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "tid" -> id = Long.parseLong(json.getValueAsString("-1"));
                case "name" -> name = json.getValueAsString("");
                case "state" -> state = json.getValueAsString();
                case "waitingOn" -> waitingOn = json.getValueAsString();
                case "blockedOn" -> {
                    blockedOn = json.getValueAsString();
                    waitingOn = blockedOn;
                }
                case "monitorsOwned" -> monitors(json, holds);
                case "parkBlocker" -> waitingOn = objectField(json, "object");
                case "stack" -> {
                    while (json.nextToken() == JsonToken.VALUE_STRING) {
                        stack.add(withoutModule(json.getText()));
                    }
                }
                default -> {
                    if (value.isStructStart()) {
                        json.skipChildren();
                    }
                }
            }
        }
        return new Dumped(id, name, state, waitingOn, blockedOn, holds, stack);
    }

    /** The locks of {@code "monitorsOwned": [{"depth": 0, "locks": ["java.lang.Object@4466af20"]}]}. */
    private static void monitors(JsonParser json, List<String> holds) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            return;
        }
        while (json.nextToken() == JsonToken.START_OBJECT) {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("locks") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.VALUE_STRING) {
                        holds.add(json.getText());
                    }
                } else if (value.isStructStart()) {
                    json.skipChildren();
                }
            }
        }
    }

    private static String objectField(JsonParser json, String wanted) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            return json.getValueAsString();
        }
        String found = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals(wanted)) {
                found = json.getValueAsString();
            } else if (value.isStructStart()) {
                json.skipChildren();
            }
        }
        return found;
    }

    /** "java.base/java.lang.Thread.run(Thread.java:1474)" as jstack prints it: "java.lang.Thread.run(...)". */
    private static String withoutModule(String frame) {
        int slash = frame.indexOf('/');
        int paren = frame.indexOf('(');
        return slash >= 0 && (paren < 0 || slash < paren) ? frame.substring(slash + 1) : frame;
    }
}
