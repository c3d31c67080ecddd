package workbook.runner.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void aTitleTooLongForTheLineBreaksBetweenWordsUnderItsColumn() {
        String title = "A virtual thread per call, and a carrier that allows four";

        assertEquals("A virtual thread per call, and a\n" + " ".repeat(52) + "carrier that allows four",
                ListCommand.wrapped(title, 52, 86));
        assertEquals(title, ListCommand.wrapped(title, 40, 100));
    }
}
