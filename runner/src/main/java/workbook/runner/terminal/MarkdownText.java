package workbook.runner.terminal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (parsed by commonmark-java) as text for a terminal: headings stand out, paragraphs and list items wrap
 * to the width, code keeps its lines, tables line up.
 */
public final class MarkdownText {

    /** Stands for a space inside inline code while wrapping, so that short code is never split across lines. */
    private static final char KEEP = '\u0001';
    /**
     * Columns a line keeps besides inline code: code that would not fit a line whole even so (a quoted verdict, say)
     * may break at its spaces; shorter code never does.
     */
    private static final int CODE_MARGIN = 4;

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final int width;
    private final Style style;
    private final StringBuilder out = new StringBuilder();

    private MarkdownText(int width, Style style) {
        this.width = Math.max(40, width);
        this.style = style;
    }

    public static String render(String markdown, int width, Style style) {
        MarkdownText text = new MarkdownText(width, style);
        text.blocks(PARSER.parse(markdown), "", "");
        return text.out.toString().stripTrailing() + "\n";
    }

    /**
     * The width to wrap at: {@code $COLUMNS} when the shell exports it, else 80; never wider than 100. A width too
     * narrow to read (a pty that reports 0 columns) counts as unknown.
     */
    public static int terminalWidth() {
        return terminalWidth(System.getenv("COLUMNS"));
    }

    public static int terminalWidth(String columnsVariable) {
        try {
            int columns = Integer.parseInt(columnsVariable == null ? "80" : columnsVariable.strip());
            return columns < MIN_WIDTH ? 80 : Math.min(100, columns);
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Narrower than this, text would come out a word a line. */
    static final int MIN_WIDTH = 20;

    private void blocks(Node parent, String firstIndent, String indent) {
        boolean first = true;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node, first ? firstIndent : indent, indent);
            first = false;
        }
    }

    private void block(Node node, String firstIndent, String indent) {
        switch (node) {
            case Heading h -> {
                String title = inline(h);
                out.append('\n').append(h.getLevel() == 1
                        ? style.bold(title.toUpperCase(java.util.Locale.ROOT))
                        : style.bold(style.cyan(title))).append("\n\n");
            }
            case Paragraph p -> {
                wrap(inline(p), firstIndent, indent);
                if (!(p.getParent() instanceof ListItem) || p.getNext() != null) {
                    out.append('\n');
                }
            }
            case BulletList list -> {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    blocks(item, indent + "  - ", indent + "    ");
                }
                out.append('\n');
            }
            case OrderedList list -> {
                int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    String marker = indent + "  " + number++ + ". ";
                    blocks(item, marker, " ".repeat(marker.length()));
                }
                out.append('\n');
            }
            case FencedCodeBlock code -> code(code.getLiteral(), indent);
            case IndentedCodeBlock code -> code(code.getLiteral(), indent);
            case BlockQuote quote -> blocks(quote, indent + "  | ", indent + "  | ");
            case ThematicBreak ignored -> out.append(indent).append("-".repeat(Math.min(width, 40))).append("\n\n");
            case HtmlBlock html -> out.append(html.getLiteral()).append('\n');
            case TableBlock table -> table(table, indent);
            default -> blocks(node, firstIndent, indent);
        }
    }

    /**
     * A code block keeps its lines, indented by up to four spaces: fewer when its longest line that can fit at all
     * would not fit with them (a verdict quoted at 80 columns, read at 80). A line wider than the width by itself
     * breaks at its last space that fits, its continuation as indented as it was, so that the terminal never cuts it
     * inside a word; a word that fits no line (a stack frame) is left whole, for the terminal to wrap.
     */
    private void code(String literal, String indent) {
        List<String> lines = literal.stripTrailing().lines().toList();
        int longest = lines.stream().mapToInt(String::length).filter(n -> n <= width - indent.length()).max()
                .orElse(0);
        String margin = indent + " ".repeat(Math.max(0, Math.min(4, width - indent.length() - longest)));
        for (String line : lines) {
            String rest = line;
            while (margin.length() + rest.length() > width) {
                String lead = rest.substring(0, rest.length() - rest.stripLeading().length());
                int room = width - margin.length();
                int cut = rest.lastIndexOf(' ', room);
                if (cut <= lead.length() || !fits(lead + rest.substring(cut + 1), width - margin.length())) {
                    break; // no break helps: a word too long for any line (a stack frame) is left whole
                }
                out.append(margin).append(style.dim(rest.substring(0, cut))).append('\n');
                rest = lead + rest.substring(cut + 1);
            }
            out.append(margin).append(style.dim(rest)).append('\n');
        }
        out.append('\n');
    }

    /** Whether the line's first word fits in {@code room} columns, its indent included. */
    private static boolean fits(String line, int room) {
        String body = line.stripLeading();
        int word = body.indexOf(' ');
        return line.length() - body.length() + (word < 0 ? body.length() : word) <= room;
    }

    private void table(TableBlock table, String indent) {
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, rows);
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder(indent).append("  ");
            for (int i = 0; i < rows.get(r).size(); i++) {
                String cell = String.format("%-" + widths[i] + "s", rows.get(r).get(i));
                line.append(r == 0 ? style.bold(cell) : cell).append(i < columns - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n');
    }

    private void collectRows(Node node, List<List<String>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(plainInline(cell));
                    }
                }
                rows.add(cells);
            } else {
                collectRows(child, rows);
            }
        }
    }

    /** Wraps words to the width; styling escapes do not count toward it. */
    private void wrap(String text, String firstIndent, String indent) {
        for (String hardLine : text.split("\n")) {
            StringBuilder line = new StringBuilder(firstIndent);
            int visible = firstIndent.length();
            for (String word : hardLine.split(" +")) {
                int length = visibleLength(word);
                if (visible + length > width && visible > indent.length()) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(indent);
                    visible = indent.length();
                }
                line.append(word.replace(KEEP, ' ')).append(' ');
                visible += length + 1;
            }
            out.append(line.toString().stripTrailing()).append('\n');
            firstIndent = indent;
        }
    }

    private static int visibleLength(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    private String unsplit(Code code) {
        String literal = code.getLiteral();
        return literal.length() > width - CODE_MARGIN ? literal : literal.replace(' ', KEEP);
    }

    private String inline(Node parent) {
        StringBuilder text = new StringBuilder();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text t -> text.append(t.getLiteral());
                case Code c -> text.append(style.colors() ? style.cyan(unsplit(c)) : "`" + unsplit(c) + "`");
                case Emphasis e -> text.append(inline(e));
                case StrongEmphasis s -> text.append(style.bold(inline(s)));
                case Link l -> text.append(inline(l)).append(" (").append(l.getDestination()).append(')');
                case SoftLineBreak ignored -> text.append(' ');
                case HardLineBreak ignored -> text.append('\n');
                case HtmlInline html -> text.append(html.getLiteral());
                default -> text.append(inline(node));
            }
        }
        return text.toString();
    }

    private String plainInline(Node parent) {
        return new MarkdownText(width, Style.plain()).inline(parent).replace(KEEP, ' ');
    }
}
