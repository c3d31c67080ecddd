package workbook.staleflag;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What HotSpot's JIT compiled, seen from inside the JVM as {@code jcmd <pid> Compiler.codelist} and
 * {@code -Xlog:jit+compilation=debug} (the old {@code -XX:+PrintCompilation}) show it from outside: the code list
 * says which methods have compiled code in use and at which tier; the log, switched on when the watch starts, says
 * whether a compilation was an on-stack replacement (of a loop that was running) and when it began.
 */
final class JitWatch implements AutoCloseable {

    /** C2, the optimising compiler: the tier whose code keeps a field read out of a loop. */
    static final int C2 = 4;

    private static final String NOT_ENTRANT = "made not entrant:";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    /** A code list line: {@code 677 4 0 pkg.Class.method(args)ret [addresses]}: id, tier, state (0 is in use). */
    private static final Pattern CODE = Pattern.compile("^(\\d+) (\\d) (-?\\d+) (\\S+)\\.([^.(]+)\\(");
    /** A log line: {@code [613ms]  677 %     4       pkg.Class::method @ 104 (233 bytes)}. */
    private static final Pattern LOGGED = Pattern.compile("^\\[(\\d+)ms\\]\\s+(\\d+)\\s+([%sbn! ]*?)\\s*(\\d)\\s+"
            + "(\\S+)::(\\S+)(?: @ (\\d+))?");

    /** One compilation of a method, its code in use. */
    record Compiled(int id, int tier, boolean osr, int bci, long beganAtUptimeMillis) {

        /** E.g. "compiled by C2 (tier 4, compilation #677: an on-stack replacement of the running loop, ...)". */
        String describe() {
            return "compiled by " + compiler() + " " + details();
        }

        String compiler() {
            return tier == C2 ? "C2" : "C1";
        }

        /** E.g. "(tier 4, compilation #677: an on-stack replacement of the running loop, entered at bytecode 17)". */
        String details() {
            String how = osr
                    ? ": an on-stack replacement of the running loop, entered at bytecode " + bci
                    : beganAtUptimeMillis == -1 ? "" : ": the whole method";
            return String.format(Locale.ROOT, "(tier %d, compilation #%d%s)", tier, id, how);
        }
    }

    private final ObjectName diagnostics;
    private final Path log;

    private JitWatch(ObjectName diagnostics, Path log) {
        this.diagnostics = diagnostics;
        this.log = log;
    }

    /** Starts watching; the code list is empty and nothing is logged on a JVM without HotSpot's commands. */
    static JitWatch start() {
        ObjectName diagnostics;
        try {
            diagnostics = new ObjectName(DIAGNOSTIC_COMMAND);
            if (!ManagementFactory.getPlatformMBeanServer().isRegistered(diagnostics)) {
                return new JitWatch(null, null);
            }
        } catch (JMException e) {
            return new JitWatch(null, null);
        }
        Path log = null;
        try {
            log = Files.createTempFile("workbook-jit-", ".log");
            command(diagnostics, "vmLog", "output=file=" + log, "what=jit+compilation=debug",
                    "decorators=uptimemillis");
        } catch (IOException | JMException e) {
            deleteQuietly(log);
            log = null;
        }
        return new JitWatch(diagnostics, log);
    }

    /** Whether this JVM shows its compiled code (HotSpot does). */
    boolean available() {
        return diagnostics != null;
    }

    /** The compiled code in use of {@code method} of {@code className} at {@code tier}, the newest first. */
    List<Compiled> inUse(String className, String method, int tier) {
        if (diagnostics == null) {
            return List.of();
        }
        String list;
        try {
            list = command(diagnostics, "compilerCodelist");
        } catch (JMException e) {
            return List.of();
        }
        List<Compiled> found = new ArrayList<>();
        for (String line : list.split("\n")) {
            if (!line.contains(className)) {
                continue;
            }
            Matcher code = CODE.matcher(line);
            if (code.find() && code.group(4).equals(className) && code.group(5).equals(method)
                    && Integer.parseInt(code.group(2)) == tier && code.group(3).equals("0")) {
                int id = Integer.parseInt(code.group(1));
                found.add(logged(id).orElse(new Compiled(id, tier, false, -1, -1)));
            }
        }
        found.sort(Comparator.comparingInt(Compiled::id).reversed());
        return found;
    }

    /** What the log says of compilation {@code id}. */
    private Optional<Compiled> logged(int id) {
        if (log == null) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher logged = LOGGED.matcher(line);
                if (logged.find() && Integer.parseInt(logged.group(2)) == id && !line.contains(NOT_ENTRANT)) {
                    boolean osr = logged.group(3).contains("%");
                    return Optional.of(new Compiled(id, Integer.parseInt(logged.group(4)), osr,
                            osr ? Integer.parseInt(logged.group(7)) : -1, Long.parseLong(logged.group(1))));
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable log only loses the detail: the code list said the code is in use.
        }
        return Optional.empty();
    }

    /** When, and why, the code of compilation {@code id} was made not entrant, as the log says; empty if it was not. */
    Optional<Retired> retired(int id) {
        if (log == null) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher logged = LOGGED.matcher(line);
                int reason = line.indexOf(NOT_ENTRANT);
                if (reason >= 0 && logged.find() && Integer.parseInt(logged.group(2)) == id) {
                    return Optional.of(new Retired(Long.parseLong(logged.group(1)),
                            line.substring(reason + NOT_ENTRANT.length()).strip()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable log only loses the detail.
        }
        return Optional.empty();
    }

    /** Compiled code made not entrant (no call or loop enters it any more): when, and why. */
    record Retired(long atUptimeMillis, String reason) {
    }

    /** The JVM's uptime now, in the log's unit. */
    static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static String command(ObjectName diagnostics, String operation, String... arguments)
            throws JMException {
        Object out = ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, operation,
                new Object[]{arguments}, new String[]{String[].class.getName()});
        return out == null ? "" : out.toString();
    }

    @Override
    public void close() {
        deleteQuietly(log);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
