package workbook.runner.present;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import workbook.runner.terminal.Style;

/**
 * Walks the slides on a screen, one step per key, forward and back; a slide longer than the screen is paged. A run's
 * slide that is not ready says so, and is drawn again the moment its verdict is in.
 */
final class Presenter {

    /** How often a slide waiting for its run looks again. */
    private static final Duration POLL = Duration.ofMillis(200);
    /** The widest a slide is set, for a projector: a wider terminal keeps the margin. */
    static final int MAX_WIDTH = 100;

    private final List<Slide> slides;
    private final Screen screen;
    private final Style style;
    private int slide;
    private int page;
    /** Whether the slide on the screen is one waiting for its run. */
    private boolean drawnPending;

    Presenter(List<Slide> slides, Screen screen, Style style) {
        this.slides = slides;
        this.screen = screen;
        this.style = style;
    }

    /** Shows the slides until the presenter quits. */
    void run() {
        slides.get(0).shown();
        draw();
        while (true) {
            Screen.Key key = screen.key(POLL);
            switch (key) {
                case QUIT -> {
                    return;
                }
                case NEXT -> forward();
                case BACK -> back();
                case NONE -> {
                    if (!drawnPending || slides.get(slide).text(width(), style).isEmpty()) {
                        continue; // nothing new to show
                    }
                }
            }
            draw();
        }
    }

    private void forward() {
        List<String> lines = lines();
        if ((page + 1) * rows() < lines.size()) {
            page++;
        } else if (slide + 1 < slides.size()) {
            slide++;
            page = 0;
            slides.get(slide).shown();
        }
    }

    private void back() {
        if (page > 0) {
            page--;
        } else if (slide > 0) {
            slide--;
            page = 0;
        }
    }

    private void draw() {
        Slide shown = slides.get(slide);
        Optional<String> text = shown.text(width(), style);
        drawnPending = text.isEmpty();
        List<String> lines = text.map(Presenter::lines).orElse(List.of("", style.dim(shown.pending())));
        int pages = Math.max(1, (lines.size() + rows() - 1) / rows());
        page = Math.min(page, pages - 1);
        StringBuilder screenful = new StringBuilder();
        screenful.append(style.bold(shown.pitfall() + "  " + (slide + 1) + "/" + slides.size() + "  " + shown.title()))
                .append("\n\n");
        lines.subList(page * rows(), Math.min(lines.size(), (page + 1) * rows()))
                .forEach(line -> screenful.append(line).append('\n'));
        String where = pages > 1 ? String.format(Locale.ROOT, "page %d of %d   ", page + 1, pages) : "";
        String keys = slide + 1 == slides.size() && page + 1 == pages
                ? "the end: q quits, b goes back"
                : "space/n/→ next   b/← back   q quits";
        screenful.append('\n').append(style.dim(where + keys));
        screen.draw(screenful.toString());
    }

    private List<String> lines() {
        return slides.get(slide).text(width(), style).map(Presenter::lines).orElse(List.of());
    }

    /** A slide's lines, without the blank lines rendered Markdown begins with. */
    private static List<String> lines(String text) {
        return text.lines().dropWhile(String::isBlank).toList();
    }

    private int width() {
        return Math.max(40, Math.min(MAX_WIDTH, screen.width()));
    }

    /** Lines of a slide on one page: the header, a blank line and the footer take the rest. */
    private int rows() {
        return Math.max(5, screen.height() - 4);
    }

    /** Every slide in order, each when it is ready: a transcript, for output that is no terminal. */
    static void printAll(List<Slide> slides, PrintWriter out, int width, Style style) throws InterruptedException {
        for (int i = 0; i < slides.size(); i++) {
            Slide slide = slides.get(i);
            slide.shown();
            Optional<String> text = slide.text(width, style);
            while (text.isEmpty()) {
                Thread.sleep(POLL.toMillis());
                text = slide.text(width, style);
            }
            out.println(style.bold("== " + slide.pitfall() + "  " + (i + 1) + "/" + slides.size() + "  "
                    + slide.title()));
            out.println();
            lines(text.get()).forEach(out::println);
            out.println();
            out.flush();
        }
    }
}
