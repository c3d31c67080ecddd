package workbook.runner.present;

import java.time.Duration;

/** Where a presentation is shown, and where its keys come from. */
interface Screen {

    /** What a key asks for. */
    enum Key {
        NEXT, BACK, QUIT, NONE
    }

    int width();

    int height();

    /** Replaces what is on the screen. */
    void draw(String text);

    /** The next key, or {@link Key#NONE} when none came within {@code wait}. */
    Key key(Duration wait);
}
