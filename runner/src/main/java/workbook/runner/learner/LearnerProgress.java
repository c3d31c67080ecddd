package workbook.runner.learner;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One learner's progress: per pitfall, what they have done. Saved as JSON in the workspace, exported for an
 * instructor, merged into a class table.
 *
 * @param track the track the learner follows ({@code workbook track follow}), or null: the catalog's order
 */
public record LearnerProgress(String learner, Map<String, PitfallProgress> pitfalls, String track) {

    public LearnerProgress {
        pitfalls = new TreeMap<>(pitfalls == null ? Map.of() : pitfalls);
    }

    /** How far a learner got with one pitfall. */
    public enum Status {
        NEW, SEEN, FIXED
    }

    /**
     * @param prediction the choice picked before running (1-based), or 0
     * @param predictedRight whether it was the right one
     * @param hintsShown the highest hint level shown
     * @param checks how many times the learner's fix was checked
     */
    public record PitfallProgress(Status status, int prediction, boolean predictedRight, int hintsShown, int checks,
            String firstSeen, String fixedAt) {

        static PitfallProgress fresh() {
            return new PitfallProgress(Status.NEW, 0, false, 0, 0, null, null);
        }

        /** Seen at least once: the lesson shown, or the broken example run. */
        public PitfallProgress seen() {
            return status != Status.NEW
                    ? this
                    : new PitfallProgress(Status.SEEN, prediction, predictedRight, hintsShown, checks,
                            Instant.now().toString(), fixedAt);
        }

        public PitfallProgress hinted(int level) {
            PitfallProgress p = seen();
            return new PitfallProgress(p.status, p.prediction, p.predictedRight, Math.max(p.hintsShown, level),
                    p.checks, p.firstSeen, p.fixedAt);
        }

        public PitfallProgress predicted(int choice, boolean right) {
            PitfallProgress p = seen();
            return new PitfallProgress(p.status, choice, right, p.hintsShown, p.checks, p.firstSeen, p.fixedAt);
        }

        /** One more check of the learner's fix; a FIXED check marks the pitfall fixed for good. */
        public PitfallProgress checked(boolean fixed) {
            PitfallProgress p = seen();
            boolean firstFix = fixed && p.status != Status.FIXED;
            return new PitfallProgress(fixed ? Status.FIXED : p.status, p.prediction, p.predictedRight, p.hintsShown,
                    p.checks + 1, p.firstSeen, firstFix ? Instant.now().toString() : p.fixedAt);
        }
    }

    public Status status(String id) {
        PitfallProgress p = pitfalls.get(id);
        return p == null ? Status.NEW : p.status();
    }

    public PitfallProgress of(String id) {
        return pitfalls.getOrDefault(id, PitfallProgress.fresh());
    }

    LearnerProgress with(String id, PitfallProgress progress) {
        Map<String, PitfallProgress> copy = new TreeMap<>(pitfalls);
        copy.put(id, progress);
        return new LearnerProgress(learner, copy, track);
    }

    /** The same progress, following {@code track} (null: none). */
    public LearnerProgress following(String track) {
        return new LearnerProgress(learner, pitfalls, track);
    }

    /** The same progress, under another learner's name. */
    public LearnerProgress named(String name) {
        return new LearnerProgress(name, pitfalls, track);
    }
}
