package workbook.runner.learner;

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
import workbook.runner.learner.LearnerProgress.PitfallProgress;

/**
 * The learner's progress file. Written atomically (a crash never leaves half a file); a file that cannot be read is
 * moved aside as {@code progress.json.corrupt-<time>}, reported, and replaced, never fatal.
 */
public final class ProgressStore {

    /** Built on first use: Jackson takes a good half second to load, which a command without progress never pays. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper json() {
        return Json.MAPPER;
    }

    /** Readies Jackson for a progress file, e.g. on another thread while the REPL starts. */
    public static void warmUp() {
        try {
            json().readValue("{\"learner\":\"warm-up\",\"pitfalls\":{\"x\":{\"status\":\"SEEN\"}}}",
                    LearnerProgress.class);
        } catch (IOException e) {
            // only a warm-up: the real read reports its own problems
        }
    }

    private final Path file;
    private final List<String> warnings = new ArrayList<>();
    /** Set when an unreadable file could not be kept aside: saving would destroy the only copy. */
    private boolean mustNotOverwrite;

    public ProgressStore(Path file) {
        this.file = file;
    }

    /**
     * What went wrong since last asked, in one sentence each (a corrupt file set aside, progress not saved), for the
     * command to tell the learner; each is told once.
     */
    public synchronized List<String> takeWarnings() {
        List<String> taken = List.copyOf(warnings);
        warnings.clear();
        return taken;
    }

    public LearnerProgress load() {
        if (!Files.exists(file)) {
            return new LearnerProgress(defaultLearner(), null, null);
        }
        try {
            return valid(json().readValue(file.toFile(), LearnerProgress.class));
        } catch (IOException e) {
            setAside(e);
            return new LearnerProgress(defaultLearner(), null, null);
        }
    }

    /** A file of valid JSON may still be no progress: {@code null}, a pitfall without its status. */
    private static LearnerProgress valid(LearnerProgress progress) throws IOException {
        if (progress == null) {
            throw new IOException("it holds no progress");
        }
        if (progress.learner() == null) {
            throw new IOException("it names no learner");
        }
        for (var entry : progress.pitfalls().entrySet()) {
            if (entry.getValue() == null || entry.getValue().status() == null) {
                throw new IOException("the entry of " + entry.getKey() + " has no status");
            }
        }
        return progress;
    }

    /** Keeps an unreadable file under a name of its own; never loses it, and says where it went. */
    private void setAside(IOException why) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int n = 1; n <= 100; n++) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + (n == 1 ? "" : "-" + n));
            if (Files.exists(aside)) {
                continue;
            }
            try {
                Files.move(file, aside);
                warnings.add("Your progress file could not be read (" + firstLine(why) + "); it was kept as " + aside
                        + " and a new one started.");
                return;
            } catch (IOException moveFailed) {
                break;
            }
        }
        mustNotOverwrite = true;
        warnings.add("Your progress file " + file + " could not be read (" + firstLine(why)
                + ") nor kept aside; progress will not be saved until it is mended or moved.");
    }

    public void save(LearnerProgress progress) throws IOException {
        if (mustNotOverwrite) {
            throw new IOException("the unreadable progress file " + file + " could not be kept aside, and saving"
                    + " would overwrite it");
        }
        Workspace.write(file, json().writeValueAsString(progress));
    }

    /**
     * Loads, changes one pitfall's progress, saves, and returns the new progress. A save that fails (an unwritable
     * home) costs the learner the update, not the command: it is told as a warning.
     */
    public LearnerProgress update(String id, UnaryOperator<PitfallProgress> change) {
        LearnerProgress progress = load();
        return saveOrWarn(progress.with(id, change.apply(progress.of(id))));
    }

    /** Loads, follows {@code track} from now on (null: none), saves; a failed save is told as a warning. */
    public LearnerProgress follow(String track) {
        return saveOrWarn(load().following(track));
    }

    /** Saves; a save that fails costs the learner the change, not the command, and is told as a warning. */
    private LearnerProgress saveOrWarn(LearnerProgress updated) {
        try {
            save(updated);
        } catch (IOException e) {
            warnings.add("Your progress was not saved: " + file + " cannot be written (" + e.getClass().getSimpleName()
                    + ": " + firstLine(e) + ").");
        }
        return updated;
    }

    public static PitfallProgress seen(PitfallProgress p) {
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
