package workbook.runner.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/** Lets a Java declaration span lines: input JShell finds incomplete asks for the next line. */
final class ReplParser extends DefaultParser {

    private final JavaShell shell;

    ReplParser(JavaShell shell) {
        this.shell = shell;
        setEscapeChars(new char[0]);
        setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith("/") && !line.isBlank()
                && shell.isIncomplete(line)) {
            throw new EOFError(-1, -1, "incomplete Java", "more");
        }
        return super.parse(line, cursor, context);
    }
}
