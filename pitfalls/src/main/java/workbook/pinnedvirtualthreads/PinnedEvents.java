package workbook.pinnedvirtualthreads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the virtual threads that blocked while pinned to their carrier: the JDK's
 * {@code jdk.VirtualThreadPinned} event, with its stack, as {@code jfr print --events jdk.VirtualThreadPinned} shows
 * it. Every such event is recorded, however short; the scenario decides which ones matter.
 */
final class PinnedEvents {

    static final String EVENT = "jdk.VirtualThreadPinned";

    private final Recording recording;

    private PinnedEvents(Recording recording) {
        this.recording = recording;
    }

    /**
     * Starts recording; JFR takes a few hundred milliseconds to start, the first time in a JVM. Null, with the reason
     * on standard error, if this JVM cannot record (a JDK built without JFR, or JFR disabled).
     */
    static PinnedEvents start() {
        try {
            Recording recording = new Recording();
            recording.setName("pinned virtual threads");
            recording.enable(EVENT).withStackTrace().withThreshold(Duration.ZERO);
            recording.start();
            return new PinnedEvents(recording);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("JFR cannot record in this JVM: " + e);
            return null;
        }
    }

    /** Stops recording and reads the events, their times in milliseconds from {@code since}. */
    List<RunReport.Pin> stop(Instant since) throws IOException {
        Path file = Files.createTempFile("workbook-pinned-", ".jfr");
        try {
            recording.stop();
            recording.dump(file);
            List<RunReport.Pin> pins = new ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals(EVENT)) {
                    pins.add(pin(event, since));
                }
            }
            return pins;
        } finally {
            recording.close();
            Files.deleteIfExists(file);
        }
    }

    private static RunReport.Pin pin(RecordedEvent event, Instant since) {
        RecordedThread thread = event.getThread();
        List<String> stack = new ArrayList<>();
        if (event.getStackTrace() != null) {
            event.getStackTrace().getFrames().forEach(frame -> stack.add(frame(frame)));
        }
        return new RunReport.Pin(thread == null ? "?" : FirstRequests.name(thread.getJavaName(), thread.getId()),
                Duration.between(since, event.getStartTime()).toMillis(), event.getDuration().toNanos() / 1e6,
                text(event, "blockingOperation"), text(event, "pinnedReason"), carrier(event), stack);
    }

    /** A field the JDK may not record (JDK 21 to 23 record neither the operation nor the reason). */
    private static String text(RecordedEvent event, String field) {
        return event.hasField(field) ? event.getString(field) : null;
    }

    private static String carrier(RecordedEvent event) {
        if (!event.hasField("carrierThread")) {
            return null;
        }
        RecordedThread carrier = event.getThread("carrierThread");
        return carrier == null ? null : carrier.getJavaName();
    }

    /** "java.lang.VirtualThread.parkOnCarrierThread(boolean, long) line: 830", as {@code jfr print} writes it. */
    static String frame(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String where = method.getType().getName() + "." + method.getName() + "(" + parameters(method.getDescriptor())
                + ")";
        return frame.getLineNumber() > 0 ? where + " line: " + frame.getLineNumber() : where;
    }

    /** "(ZJLjava/lang/String;[I)V" as "boolean, long, String, int[]". */
    static String parameters(String descriptor) {
        List<String> names = new ArrayList<>();
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dimensions = 0;
            while (descriptor.charAt(i) == '[') {
                dimensions++;
                i++;
            }
            String name;
            if (descriptor.charAt(i) == 'L') {
                int end = descriptor.indexOf(';', i);
                String type = descriptor.substring(i + 1, end);
                name = type.substring(type.lastIndexOf('/') + 1);
                i = end + 1;
            } else {
                name = switch (descriptor.charAt(i)) {
                    case 'Z' -> "boolean";
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'S' -> "short";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'F' -> "float";
                    default -> "double";
                };
                i++;
            }
            names.add(name + "[]".repeat(dimensions));
        }
        return String.join(", ", names);
    }
}
