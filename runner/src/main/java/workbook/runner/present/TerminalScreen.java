package workbook.runner.present;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/** The terminal as a screen: raw keys (arrows included), the screen cleared for each slide. */
final class TerminalScreen implements Screen, AutoCloseable {

    private static final int ESC = 27;
    private static final int EXPIRED = -2;

    private final Terminal terminal;
    private final Attributes saved;
    private final NonBlockingReader keys;

    TerminalScreen(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        this.keys = terminal.reader();
        terminal.puts(Capability.cursor_invisible);
    }

    @Override
    public int width() {
        return terminal.getWidth() <= 0 ? 80 : terminal.getWidth();
    }

    @Override
    public int height() {
        return terminal.getHeight() <= 0 ? 30 : terminal.getHeight();
    }

    @Override
    public void draw(String text) {
        terminal.puts(Capability.clear_screen);
        terminal.writer().print(text.replace("\n", "\r\n"));
        terminal.flush();
    }

    @Override
    public Key key(Duration wait) {
        try {
            int c = keys.read(wait.toMillis());
            if (c == EXPIRED) {
                return Key.NONE;
            }
            if (c == ESC) {
                // An arrow is ESC [ C (right) or ESC [ D (left); ESC alone quits.
                int bracket = keys.read(50);
                if (bracket != '[' && bracket != 'O') {
                    return Key.QUIT;
                }
                int arrow = keys.read(50);
                return switch (arrow) {
                    case 'C', 'B', '6' -> Key.NEXT;
                    case 'D', 'A', '5' -> Key.BACK;
                    default -> Key.NONE;
                };
            }
            return switch (c) {
                case ' ', '\r', '\n', 'n', 'j', 'l' -> Key.NEXT;
                case 'b', 'p', 'k', 'h', 127, 8 -> Key.BACK;
                case 'q', 'Q', 3, 4, -1 -> Key.QUIT;
                default -> Key.NONE;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.clear_screen);
        terminal.flush();
        terminal.setAttributes(saved);
    }
}
