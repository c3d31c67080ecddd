package workbook.runner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import workbook.harness.TrialLauncher;
import workbook.lessons.Track;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.LearnerProgress;
import workbook.runner.learner.ProgressStore;
import workbook.runner.learner.Workspace;
import workbook.runner.terminal.Style;
import workbook.runner.terminal.Terminal;

/**
 * What every command works with: the catalog, the learner's workspace and progress, the terminal's style, the
 * trial launcher, and the learner's input. One instance per process (the CLI and the REPL share it); tests build
 * their own.
 */
public final class Workbook {

    private final Supplier<Catalog> catalogLoader;
    private Catalog catalog;
    private final Workspace workspace;
    private final ProgressStore progress;
    private final Style style;
    private final TrialLauncher launcher;
    private final BufferedReader in;
    private final boolean interactive;

    public Workbook(Supplier<Catalog> catalog, Workspace workspace, Style style, TrialLauncher launcher,
            BufferedReader in,
            boolean interactive) {
        this.catalogLoader = catalog;
        this.workspace = workspace;
        this.progress = new ProgressStore(workspace.progressFile());
        this.style = style;
        this.launcher = launcher;
        this.in = in;
        this.interactive = interactive;
    }

    static Workbook fromEnvironment() {
        return new Workbook(Catalog::load, Workspace.fromEnvironment(), Style.detect(), new TrialLauncher(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), Terminal.interactive());
    }

    /** The catalog, read once on first use (commands like {@code --help} never need it). */
    public synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = catalogLoader.get();
        }
        return catalog;
    }

    /** The track the learner follows, if it is one the catalog has (a track since renamed is followed no more). */
    public Optional<Track> followedTrack() {
        String name = progress.load().track();
        return name == null ? Optional.empty() : catalog().lessons().track(name);
    }

    /** The pitfalls in the order the learner goes through them: the followed track's, or else the catalog's. */
    public List<Catalog.Entry> learningOrder() {
        return followedTrack().map(track -> catalog().entriesOf(track)).orElseGet(() -> catalog().entries());
    }

    /**
     * The first pitfall not yet fixed after {@code after} in the learner's order, then from the start of it (one skipped
     * on the way is not left behind); {@code after} itself never. Empty when every other one is fixed.
     */
    public Optional<Catalog.Entry> nextNotFixed(String after) {
        LearnerProgress progress = progress().load();
        List<Catalog.Entry> order = learningOrder();
        int from = 0;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id().equals(after)) {
                from = i + 1;
            }
        }
        List<Catalog.Entry> inTurn = new ArrayList<>(order.subList(from, order.size()));
        inTurn.addAll(order.subList(0, from));
        return inTurn.stream().filter(e -> !e.id().equals(after))
                .filter(e -> progress.status(e.id()) != LearnerProgress.Status.FIXED).findFirst();
    }

    public Workspace workspace() {
        return workspace;
    }

    public ProgressStore progress() {
        return progress;
    }

    public Style style() {
        return style;
    }

    public TrialLauncher launcher() {
        return launcher;
    }

    public BufferedReader in() {
        return in;
    }

    /** Whether a person is at a terminal (editors may be opened, questions asked). */
    public boolean interactive() {
        return interactive;
    }

    /** The longest budget a trial may be given: a trial's JVM is killed at its budget plus some slack. */
    static final int MAX_BUDGET_SECONDS = 600;

    /** A trial's budget from {@code --budget}; a value no trial can work with is a usage error, not a verdict. */
    public static Duration budget(int seconds) {
        if (seconds < 1 || seconds > MAX_BUDGET_SECONDS) {
            throw new Main.UsageProblem("--budget must be a whole number of seconds from 1 to " + MAX_BUDGET_SECONDS
                    + ", not " + seconds + ".");
        }
        return Duration.ofSeconds(seconds);
    }
}
