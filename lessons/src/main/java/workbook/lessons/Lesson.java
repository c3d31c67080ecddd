package workbook.lessons;

import java.util.List;

/**
 * One lesson: its front matter and its Markdown body.
 *
 * @param source where it was read from, as a learner would find it in the repository
 * @param kind the failure kind it teaches, as the catalog spells it (checked against the pitfall's code)
 * @param minutes how long a learner at the keyboard takes for it: the incident, the prediction, the run, a fix and its
 *        check (what a track's length is made of)
 * @param discuss questions for a room after the fix, with their expected answers (presenter mode shows them)
 * @param noJcstress why the pitfall has no jcstress test beside it, for a race or visibility pitfall whose trap does not
 *        fit jcstress's shape (threads that each call a method once); null when it has one, or is of another kind
 */
public record Lesson(String id, String title, int chapter, String kind, int minutes, List<String> seeds, String summary,
        Prediction predict, List<String> hints, List<Discussion> discuss, String noJcstress, String body,
        String source) {

    public Lesson {
        seeds = List.copyOf(seeds);
        hints = List.copyOf(hints);
        discuss = List.copyOf(discuss);
    }

    /** A question for the room after the fix, with the answer an instructor expects. */
    public record Discussion(String question, String answer) {
    }

    /** The question a learner answers before running the broken code. {@code answer} is 1-based. */
    public record Prediction(String question, List<String> choices, int answer) {
        public Prediction {
            choices = List.copyOf(choices);
        }
    }

    /** The sections every lesson has, in this order. */
    public static final List<String> SECTIONS = List.of("The incident", "Predict", "Run it", "Observe", "Why",
            "Fix it", "Takeaway");
}
