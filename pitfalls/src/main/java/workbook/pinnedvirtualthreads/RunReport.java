package workbook.pinnedvirtualthreads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the first requests did, as {@link FirstRequests} prints it in its JVM and the scenario reads it back from that
 * JVM's output: one fact a line, its fields separated by tabs. Times are in milliseconds from the moment the requests
 * were let go; {@code recorderStartMillis} is how long JFR took to start, or -1 if it could not record.
 */
record RunReport(int carriers, long recorderStartMillis, long elapsedMillis, long healthGapMillis,
        List<Fetch> fetches, List<Request> requests, List<Pin> pins) {

    RunReport {
        fetches = List.copyOf(fetches);
        requests = List.copyOf(requests);
        pins = List.copyOf(pins);
    }

    /**
     * A fetch from the data service: which table, when it began and ended ({@code -1} if it had not), on which thread,
     * and the class whose static initialiser the thread was running when it called ({@code null} if none).
     */
    record Fetch(String table, long startMillis, long endMillis, String thread, boolean virtual, String initialiser) {
        boolean ended() {
            return endMillis >= 0;
        }
    }

    /**
     * A request: the table it asked for, when it had its answer ({@code -1} if never), what came back ({@link #OK},
     * or what was wrong), and its state and stack if it never returned.
     */
    record Request(String name, String table, long doneMillis, String outcome, String state, List<String> stack) {
        static final String OK = "ok";

        Request {
            stack = List.copyOf(stack);
        }

        boolean done() {
            return doneMillis >= 0;
        }
    }

    /**
     * A {@code jdk.VirtualThreadPinned} event as JFR recorded it: the virtual thread, when and for how long, and its
     * stack; the blocking operation, the reason and the carrier where the JDK records them (JDK 24 and later).
     */
    record Pin(String thread, long atMillis, double millis, String operation, String reason, String carrier,
            List<String> stack) {
        Pin {
            stack = List.copyOf(stack);
        }
    }

    static final String PREFIX = "@@pinned-virtual-threads\t";
    private static final String SEPARATOR = "\t";

    /** The report as the lines its program prints. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(line("run", carriers, recorderStartMillis, elapsedMillis, healthGapMillis));
        for (Fetch f : fetches) {
            lines.add(line("fetch", f.table(), f.startMillis(), f.endMillis(), f.thread(), f.virtual(),
                    f.initialiser() == null ? "-" : f.initialiser()));
        }
        for (Request r : requests) {
            lines.add(line("request", r.name(), r.table(), r.doneMillis(), r.outcome(), orDash(r.state()), r.stack()));
        }
        for (Pin p : pins) {
            lines.add(line("pin", p.thread(), p.atMillis(), String.format(Locale.ROOT, "%.1f", p.millis()),
                    orDash(p.operation()), orDash(p.reason()), orDash(p.carrier()), p.stack()));
        }
        return lines;
    }

    /** The report in a program's output, or {@code null} if the program did not print one. */
    static RunReport parse(String output) {
        RunReport report = null;
        List<Fetch> fetches = new ArrayList<>();
        List<Request> requests = new ArrayList<>();
        List<Pin> pins = new ArrayList<>();
        for (String line : output.lines().filter(l -> l.startsWith(PREFIX)).toList()) {
            String[] f = line.substring(PREFIX.length()).split(SEPARATOR, -1);
            switch (f[0]) {
                case "run" -> report = new RunReport(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), List.of(), List.of(), List.of());
                case "fetch" -> fetches.add(new Fetch(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4],
                        Boolean.parseBoolean(f[5]), f[6].equals("-") ? null : f[6]));
                case "request" -> requests.add(new Request(f[1], f[2], Long.parseLong(f[3]), f[4], dashless(f[5]),
                        rest(f, 6)));
                case "pin" -> pins.add(new Pin(f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), dashless(f[4]),
                        dashless(f[5]), dashless(f[6]), rest(f, 7)));
                default -> {
                    // A line of another version of the program: nothing this scenario reads.
                }
            }
        }
        return report == null
                ? null
                : new RunReport(report.carriers(), report.recorderStartMillis(), report.elapsedMillis(),
                        report.healthGapMillis(), fetches, requests, pins);
    }

    private static String line(String kind, Object... fields) {
        StringBuilder line = new StringBuilder(PREFIX).append(kind);
        for (Object field : fields) {
            if (field instanceof List<?> list) {
                list.forEach(item -> line.append(SEPARATOR).append(clean(item)));
            } else {
                line.append(SEPARATOR).append(clean(field));
            }
        }
        return line.toString();
    }

    /** A field on one line, without the separator. */
    private static String clean(Object field) {
        return String.valueOf(field).replaceAll("\\s+", " ");
    }

    private static List<String> rest(String[] fields, int from) {
        return from >= fields.length ? List.of() : Arrays.asList(fields).subList(from, fields.length);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String dashless(String text) {
        return text.equals("-") ? null : text;
    }
}
