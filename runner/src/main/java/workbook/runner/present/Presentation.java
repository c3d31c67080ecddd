package workbook.runner.present;

import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import workbook.harness.TrialLauncher;
import workbook.runner.catalog.Catalog;
import workbook.runner.terminal.Style;

/** A presentation of pitfalls: on the terminal, a key a step; written out whole when the output is no terminal. */
public final class Presentation {

    private final Deck deck;

    public Presentation(List<Catalog.Entry> entries, TrialLauncher launcher) {
        this.deck = new Deck(entries, (id, variant) -> launcher.run(id, variant, DemoRun.budget()));
    }

    /** Walks the slides on the system's terminal until the presenter quits. */
    public void present(Style style) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build();
                TerminalScreen screen = new TerminalScreen(terminal)) {
            new Presenter(deck.slides(), screen, style).run();
        }
    }

    /** Writes every slide in order, each once its runs are in: a transcript of the presentation. */
    public void print(PrintWriter out, int width, Style style) throws InterruptedException {
        Presenter.printAll(deck.slides(), out, Math.min(width, Presenter.MAX_WIDTH), style);
    }
}
