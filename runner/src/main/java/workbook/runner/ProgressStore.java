package workbook.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import workbook.runner.LearnerProgress.PitfallProgress;

/**
 * The learner's progress file. Written atomically (a crash never leaves half a file); a file that cannot be read is
 * moved aside as {@code progress.json.corrupt-<time>}, reported, and replaced, never fatal.
 */
final class ProgressStore {

    /** Built on first use: Jackson takes a good half second to load, which a command without progress never pays. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static ObjectMapper json() {
        return Json.MAPPER;
    }

    /** Readies Jackson for a progress file, e.g. on another thread while the REPL starts. */
    static void warmUp() {
        try {
            json().readValue("{\"learner\":\"warm-up\",\"pitfalls\":{\"x\":{\"status\":\"SEEN\"}}}",
                    LearnerProgress.class);
        } catch (IOException e) {
            // only a warm-up: the real read reports its own problems
        }
    }

    private final Path file;
    private final List<String> warnings = new ArrayList<>();

    ProgressStore(Path file) {
        this.file = file;
    }

    /** What went wrong while reading, in one sentence each (a corrupt file that was set aside). */
    List<String> warnings() {
        return warnings;
    }

    LearnerProgress load() {
        if (!Files.exists(file)) {
            return new LearnerProgress(defaultLearner(), null);
        }
        try {
            LearnerProgress progress = json().readValue(file.toFile(), LearnerProgress.class);
            if (progress.learner() == null) {
                throw new IOException("it names no learner");
            }
            return progress;
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            try {
                Files.move(file, aside);
                warnings.add("Your progress file could not be read (" + firstLine(e) + "); it was kept as " + aside
                        + " and a new one started.");
            } catch (IOException moveFailed) {
                warnings.add("Your progress file " + file + " could not be read (" + firstLine(e)
                        + ") nor moved aside; progress will not be saved until it is.");
            }
            return new LearnerProgress(defaultLearner(), null);
        }
    }

    void save(LearnerProgress progress) throws IOException {
        Workspace.write(file, json().writeValueAsString(progress));
    }

    /** Loads, changes one pitfall's progress, saves, and returns the new progress. */
    LearnerProgress update(String id, UnaryOperator<PitfallProgress> change) throws IOException {
        LearnerProgress progress = load();
        LearnerProgress updated = progress.with(id, change.apply(progress.of(id)));
        save(updated);
        return updated;
    }

    static PitfallProgress seen(PitfallProgress p) {
        return p.seen();
    }

    static String defaultLearner() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "learner" : user;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
