package workbook.runner.repl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import workbook.runner.catalog.PitfallIds;

/** Completes slash commands, pitfall ids and run variants, and Java (JShell's analysis, once the shell is warm). */
final class ReplCompleter implements Completer {

    private final ReplCommands commands;
    private final JavaShell shell;

    ReplCompleter(ReplCommands commands, JavaShell shell) {
        this.commands = commands;
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line().substring(0, line.cursor());
        if (buffer.startsWith("/")) {
            String[] words = buffer.substring(1).split("\\s+", -1);
            if (words.length == 1) {
                ReplCommands.ALL.forEach(c -> candidates.add(new Candidate("/" + c.name(), "/" + c.name(), null,
                        c.help(), null, null, true)));
            } else if (words[0].startsWith("o")) {
                new PitfallIds().forEach(id -> candidates.add(new Candidate(id)));
            } else if (words[0].startsWith("ru")) {
                List.of("broken", "fixed", "mine").forEach(v -> candidates.add(new Candidate(v)));
            }
            return;
        }
        // JShell completes the whole buffer; JLine replaces the current word with each candidate's last word.
        for (String completed : shell.completions(buffer, buffer.length())) {
            String word = line.word();
            String prefix = buffer.substring(0, buffer.length() - line.wordCursor());
            if (completed.startsWith(prefix)) {
                String value = completed.substring(prefix.length());
                candidates.add(new Candidate(value, value, null, null, null, null, false));
            } else if (word.isEmpty()) {
                candidates.add(new Candidate(completed));
            }
        }
    }
}
