package workbook.runner.terminal;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the workbook talks to a person at a terminal, or to a pipe, a file, a CI log. */
public final class Terminal {

    private Terminal() {
    }

    public static boolean interactive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        // From JDK 22 on, System.console() exists even when redirected; Console.isTerminal() tells.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
