package workbook.runner.present;

import java.util.Optional;
import workbook.runner.terminal.Style;

/** One step of a presentation: a screen's worth of text, paged where it is longer. */
interface Slide {

    /** The pitfall it belongs to. */
    String pitfall();

    /** What the room sees in the header, e.g. "The broken run". */
    String title();

    /** Its text at this width; empty while what it shows is not ready (a run still running). */
    Optional<String> text(int width, Style style);

    /** What the screen says while the text is not ready. */
    default String pending() {
        return "";
    }

    /** Called when the slide comes on the screen: starts what later slides will need. */
    default void shown() {
    }
}
