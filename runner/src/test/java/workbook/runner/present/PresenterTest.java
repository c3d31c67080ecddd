package workbook.runner.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import workbook.harness.FailureKind;
import workbook.harness.Outcome;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.lessons.Lesson;
import workbook.runner.catalog.Catalog;
import workbook.runner.terminal.Style;

/** The presenter on a scripted screen, with trials made up: the steps, forward and back, paging, reruns. */
class PresenterTest {

    /** A screen of a given size that plays keys and keeps every frame drawn; it waits while a run is pending. */
    private static final class ScriptedScreen implements Screen {
        final List<String> frames = new ArrayList<>();
        private final Deque<Key> keys;
        private final int height;
        private int waits;

        ScriptedScreen(int height, Key... keys) {
            this.height = height;
            this.keys = new ArrayDeque<>(List.of(keys));
        }

        @Override
        public int width() {
            return 100;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void draw(String text) {
            frames.add(text);
        }

        @Override
        public Key key(Duration wait) {
            if (frames.get(frames.size() - 1).contains("example in a JVM of its own...") && waits++ < 100) {
                sleep(wait);
                return Key.NONE;
            }
            return keys.isEmpty() ? Key.QUIT : keys.poll();
        }

        String last() {
            return frames.get(frames.size() - 1);
        }
    }

    /** The first words of a question or answer, as a plain screen shows them. */
    private static String start(String text) {
        return text.substring(0, Math.min(20, text.length()));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Verdict verdict(Variant variant, Outcome outcome, String summary) {
        return new Verdict("lost-update", variant, outcome, outcome == Outcome.REPRODUCED ? FailureKind.RACE : null,
                summary, List.of(), new Verdict.Timings(10, 5, 5), "");
    }

    /** The broken example is INCONCLUSIVE once, then reproduces; the fixed one is clean. */
    private static Deck deck(AtomicInteger brokenRuns) {
        Catalog.Entry lostUpdate = Catalog.load().require("lost-update");
        return new Deck(List.of(lostUpdate), (id, variant) -> variant == Variant.BROKEN
                ? brokenRuns.incrementAndGet() == 1
                        ? verdict(variant, Outcome.INCONCLUSIVE, "this machine was too busy to tell")
                        : verdict(variant, Outcome.REPRODUCED, "views went missing")
                : verdict(variant, Outcome.CLEAN, "every view counted"));
    }

    @Test
    void walksEveryStepForwardAndBackAndShowsARunThatTookTwoTries() {
        AtomicInteger brokenRuns = new AtomicInteger();
        Deck deck = deck(brokenRuns);
        ScriptedScreen screen = new ScriptedScreen(60, Screen.Key.NEXT, Screen.Key.NEXT, Screen.Key.NEXT,
                Screen.Key.BACK, Screen.Key.NEXT, Screen.Key.NEXT, Screen.Key.NEXT, Screen.Key.NEXT, Screen.Key.NEXT,
                Screen.Key.NEXT);
        new Presenter(deck.slides(), screen, Style.plain()).run();

        List<String> titles = screen.frames.stream().filter(f -> !f.contains("in a JVM of its own..."))
                .map(f -> f.lines().findFirst().orElseThrow()).toList();
        assertEquals(List.of("lost-update  1/8  Lost updates on a shared counter", "lost-update  2/8  Predict",
                "lost-update  3/8  The broken code", "lost-update  4/8  The broken run",
                "lost-update  3/8  The broken code", "lost-update  4/8  The broken run", "lost-update  5/8  The fix",
                "lost-update  6/8  The fixed run", "lost-update  7/8  For the room", "lost-update  8/8  Answers",
                "lost-update  8/8  Answers"), titles);
        String question = screen.frames.get(1);
        assertTrue(question.contains("What will the counter say"), question);
        assertFalse(question.contains("The answer"), "the room answers first: " + question);
        String run = screen.frames.stream().filter(f -> f.contains("4/8  The broken run")
                && !f.contains("in a JVM of its own...")).findFirst().orElseThrow();
        assertTrue(run.contains("Run 2 of up to 3; before it: [INCONCLUSIVE (this machine was too busy to tell)]"),
                run);
        assertTrue(run.contains("REPRODUCED") && run.contains("views went missing"), run);
        assertTrue(run.contains("The answer: 2. Less than 400,000"), run);
        assertEquals(2, brokenRuns.get(), "run again until it showed the failure, then no more");
        assertTrue(screen.frames.stream().anyMatch(f -> f.contains("5/8  The fix") && f.contains("+")
                && f.contains("-")), "the fix as a diff");
        assertTrue(screen.frames.stream().anyMatch(f -> f.contains("6/8  The fixed run") && f.contains("CLEAN")),
                "the fixed run");
        Lesson lesson = Catalog.load().require("lost-update").requireLesson();
        String forTheRoom = screen.frames.stream().filter(f -> f.contains("7/8  For the room")).findFirst()
                .orElseThrow();
        assertTrue(forTheRoom.contains(start(lesson.discuss().get(0).question())), forTheRoom);
        assertFalse(forTheRoom.contains(start(lesson.discuss().get(0).answer())),
                "answers come a key later: " + forTheRoom);
        assertTrue(screen.last().contains(start(lesson.discuss().get(0).answer())), screen.last());
        assertTrue(screen.last().contains("the end: q quits"), screen.last());
    }

    @Test
    void aSlideLongerThanTheScreenIsPaged() {
        ScriptedScreen screen = new ScriptedScreen(12, Screen.Key.NEXT, Screen.Key.BACK);
        new Presenter(deck(new AtomicInteger()).slides(), screen, Style.plain()).run();

        assertTrue(screen.frames.get(0).matches("(?s).*page 1 of \\d+.*"), screen.frames.get(0));
        assertTrue(screen.frames.get(1).matches("(?s).*page 2 of \\d+.*"), screen.frames.get(1));
        assertTrue(screen.frames.get(1).startsWith("lost-update  1/8"), "still the incident: " + screen.frames.get(1));
        assertTrue(screen.frames.get(2).matches("(?s).*page 1 of \\d+.*"), screen.frames.get(2));
        assertTrue(screen.frames.stream().allMatch(f -> f.lines().count() <= 12), "no frame taller than the screen");
    }

    @Test
    void aRunThatNeverShowsItsPointIsShownAsItIsAfterThreeTries() {
        AtomicInteger runs = new AtomicInteger();
        Catalog.Entry lostUpdate = Catalog.load().require("lost-update");
        Deck deck = new Deck(List.of(lostUpdate), (id, variant) -> {
            runs.incrementAndGet();
            return verdict(variant, Outcome.INCONCLUSIVE, "too busy");
        });
        ScriptedScreen screen = new ScriptedScreen(60, Screen.Key.NEXT, Screen.Key.NEXT, Screen.Key.NEXT);
        new Presenter(deck.slides(), screen, Style.plain()).run();

        assertTrue(screen.last().contains("Not shown in 3 runs: this is what the last one found."), screen.last());
        assertTrue(screen.last().contains("INCONCLUSIVE"), screen.last());
    }
}
