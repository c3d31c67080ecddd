package workbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void shortInlineCodeStaysOnOneLine() {
        String text = MarkdownText.render("Wrap the call in `Future<?> f = executor.submit(task)` and keep it.", 40,
                Style.plain());

        assertEquals("Wrap the call in\n`Future<?> f = executor.submit(task)`\nand keep it.\n", text);
    }

    @Test
    void longInlineCodeBreaksAtItsSpacesRatherThanOverflow() {
        String text = MarkdownText.render("It says `40 calls each returned the lowest price, yet 120 threads they"
                + " started are still alive` at the end.", 40, Style.plain());

        assertEquals("It says `40 calls each returned the\nlowest price, yet 120 threads they\n"
                + "started are still alive` at the end.\n", text);
    }

    @Test
    void aWidthOfZeroOrNoneOrGarbageIsEightyAndAWideOneIsCappedAtAHundred() {
        assertEquals(80, MarkdownText.terminalWidth("0"));
        assertEquals(80, MarkdownText.terminalWidth(null));
        assertEquals(80, MarkdownText.terminalWidth("wide"));
        assertEquals(64, MarkdownText.terminalWidth("64"));
        assertEquals(100, MarkdownText.terminalWidth("240"));
    }
}
