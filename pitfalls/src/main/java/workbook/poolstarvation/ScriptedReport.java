package workbook.poolstarvation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Overlap;

/**
 * A report whose data takes 2 to 6 ms to fetch, in 2 to 4 sections of 1 to 4 ms each, timings drawn for the round.
 * Records on which thread, how often and how many at once its fetch and sections ran.
 */
final class ScriptedReport implements Report {

    private final String title;
    private final Duration fetch;
    private final List<Part> parts = new ArrayList<>();
    private final Round round;
    private final Overlap sectionsAtOnce = new Overlap();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile Thread fetchedOn;

    ScriptedReport(String title, int sections, SplittableRandom random, Round round) {
        this.title = title;
        this.fetch = Duration.ofMillis(random.nextLong(2, 7));
        this.round = round;
        for (int i = 1; i <= sections; i++) {
            parts.add(new Part(i, Duration.ofMillis(random.nextLong(1, 5))));
        }
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<Section> sections() {
        fetches.incrementAndGet();
        fetchedOn = Thread.currentThread();
        round.fetchStarted(title);
        try {
            Thread.sleep(fetch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the warehouse query for \"" + title + "\" was interrupted", e);
        } finally {
            round.fetchEnded();
        }
        return List.copyOf(parts);
    }

    /** The page a right renderAll returns for this report. */
    String expectedPage() {
        StringBuilder page = new StringBuilder(title);
        parts.forEach(part -> page.append('\n').append(part.text()));
        return page.toString();
    }

    int fetches() {
        return fetches.get();
    }

    Thread fetchedOn() {
        return fetchedOn;
    }

    List<Part> parts() {
        return parts;
    }

    int mostSectionsAtOnce() {
        return sectionsAtOnce.most();
    }

    /** One section of the report. */
    final class Part implements Section {
        private final int number;
        private final Duration renderTime;
        private final AtomicInteger renders = new AtomicInteger();
        private volatile Thread renderedOn;

        Part(int number, Duration renderTime) {
            this.number = number;
            this.renderTime = renderTime;
        }

        @Override
        public String render() {
            renders.incrementAndGet();
            renderedOn = Thread.currentThread();
            sectionsAtOnce.enter();
            try {
                Thread.sleep(renderTime);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("section " + number + " of \"" + title + "\" was interrupted", e);
            } finally {
                sectionsAtOnce.exit();
                round.sectionEnded();
            }
            return text();
        }

        String text() {
            return title + ", section " + number;
        }

        int renders() {
            return renders.get();
        }

        Thread renderedOn() {
            return renderedOn;
        }

        int number() {
            return number;
        }
    }
}
