package workbook.runner.learner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The learner's own editor: {@code $VISUAL}, else {@code $EDITOR}. */
public final class Editor {

    private Editor() {
    }

    public static Optional<String> configured() {
        for (String variable : new String[]{"VISUAL", "EDITOR"}) {
            String editor = System.getenv(variable);
            if (editor != null && !editor.isBlank()) {
                return Optional.of(editor);
            }
        }
        return Optional.empty();
    }

    /** Opens the file and waits for the editor to close; the editor command may carry its own flags. */
    public static boolean open(String editor, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "editor", file.toString()).inheritIO()
                .start();
        return process.waitFor() == 0;
    }
}
