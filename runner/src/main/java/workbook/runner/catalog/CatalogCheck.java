package workbook.runner.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import workbook.harness.Examples;
import workbook.harness.FailureKind;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.harness.Variant;
import workbook.lessons.Chapter;
import workbook.lessons.Lesson;
import workbook.lessons.LessonFormatException;
import workbook.lessons.Lessons;
import workbook.runner.stress.StressTests;

/**
 * Finds what is missing or inconsistent in the catalog, each problem naming the file (and field) to mend: a pitfall
 * without its broken or fixed example or its lesson, a duplicate id, a malformed lesson, a lesson whose kind
 * disagrees with its code, a lesson without a pitfall, a lesson missing from its chapter's teaching order or in no
 * track.
 */
public final class CatalogCheck {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Questions for a room that every lesson has (presenter mode shows them after the fixed run). */
    static final int MIN_DISCUSSION = 2;

    private CatalogCheck() {
    }

    public static List<String> problems(List<Pitfall<?>> pitfalls, Lessons lessons) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Pitfall<?> pitfall : pitfalls) {
            String id = pitfall.id();
            String code = pitfall.getClass().getName();
            if (!ids.add(id)) {
                problems.add(code + ": id '" + id + "' is used by another pitfall too");
            }
            if (!ID.matcher(id).matches()) {
                problems.add(code + ": id '" + id + "' is not kebab-case");
                continue;
            }
            String expectedPackage = "workbook." + id.replace("-", "");
            if (!pitfall.subject().getPackageName().equals(expectedPackage)
                    || !pitfall.getClass().getPackageName().equals(expectedPackage)) {
                problems.add(code + ": pitfall '" + id + "' and its subject belong in package " + expectedPackage);
            }
            String source = Examples.sourcePath(pitfall);
            if (Examples.brokenSource(pitfall).isEmpty()) {
                problems.add("pitfalls/src/main/java/" + source + ": missing (the broken example of " + id + ")");
            }
            if (Examples.fixedSource(pitfall).isEmpty() || !Examples.hasFixedClass(pitfall)) {
                problems.add("solutions/src/main/java/" + source + ": missing (the fixed example of " + id + ")");
            }
            String lessonFile = Lessons.REPOSITORY_FOLDER + "/" + id + ".md";
            boolean unreadable = lessons.problems().stream().anyMatch(p -> p.file().equals(lessonFile));
            lessons.byId(id).ifPresentOrElse(lesson -> {
                if (!lesson.kind().equals(pitfall.kind().name())) {
                    problems.add(lessonFile + ": front matter field 'kind' says " + lesson.kind() + ", the code ("
                            + pitfall.getClass().getSimpleName() + ".kind()) says " + pitfall.kind());
                }
                problems.addAll(jcstressProblems(pitfall, lesson, lessonFile));
                if (lesson.discuss().size() < MIN_DISCUSSION) {
                    problems.add(lessonFile + ": front matter field 'discuss' has " + lesson.discuss().size()
                            + " questions for the room; an instructor needs at least " + MIN_DISCUSSION
                            + ", each with its expected answer");
                }
            }, () -> {
                if (!unreadable) {
                    problems.add(lessonFile + ": missing (the lesson of " + id + ")");
                }
            });
        }
        for (LessonFormatException problem : lessons.problems()) {
            problems.add(problem.getMessage());
        }
        for (Lesson lesson : lessons.all()) {
            Chapter chapter = lessons.chapters().stream().filter(c -> c.number() == lesson.chapter()).findFirst()
                    .orElseThrow();
            if (!chapter.lessons().contains(lesson.id())) {
                problems.add(Lessons.REPOSITORY_FOLDER + "/chapters.yaml: chapter " + chapter.number()
                        + " does not list '" + lesson.id() + "' among its lessons (the teaching order)");
            }
            if (!lessons.tracks().isEmpty()
                    && lessons.tracks().stream().noneMatch(track -> track.lessons().contains(lesson.id()))) {
                problems.add(Lessons.REPOSITORY_FOLDER + "/tracks.yaml: no track lists '" + lesson.id() + "' (every"
                        + " pitfall is in at least one, whole-catalog if no other)");
            }
        }
        Set<String> packages = new HashSet<>();
        Pitfalls.all().forEach(pitfall -> packages.add(pitfall.getClass().getPackageName()));
        StressTests.all().stream().filter(test -> !packages.contains(test.substring(0, test.indexOf('.', "workbook."
                .length())))).forEach(test -> problems.add("stress/src/main/java: jcstress test " + test
                        + " stands beside no pitfall (its package must be a pitfall's)"));
        lessons.all().stream().filter(lesson -> !ids.contains(lesson.id()))
                .forEach(lesson -> problems.add(lesson.source() + ": no pitfall has the id '" + lesson.id() + "'"));
        return problems;
    }

    /**
     * A race or visibility pitfall has jcstress tests beside it, for both variants, or its lesson says why its trap
     * does not fit jcstress; other pitfalls may have them too.
     */
    private static List<String> jcstressProblems(Pitfall<?> pitfall, Lesson lesson, String lessonFile) {
        String folder = "stress/src/main/java/" + pitfall.getClass().getPackageName().replace('.', '/');
        boolean broken = StressTests.of(pitfall, Variant.BROKEN).isPresent();
        boolean fixed = StressTests.of(pitfall, Variant.FIXED).isPresent();
        boolean racy = pitfall.kind() == FailureKind.RACE || pitfall.kind() == FailureKind.STALE;
        List<String> problems = new ArrayList<>();
        if (broken != fixed) {
            problems.add(folder + ": the jcstress test of " + pitfall.id() + " needs both nested tests, Broken and"
                    + " Fixed (it has only " + (broken ? "Broken" : "Fixed") + ")");
        }
        if (racy && !broken && !fixed && lesson.noJcstress() == null) {
            problems.add(lessonFile + ": a " + pitfall.kind() + " pitfall needs a jcstress test beside it (in " + folder
                    + ") or a front matter field 'jcstress' saying why its trap does not fit jcstress");
        }
        if ((broken || fixed) && lesson.noJcstress() != null) {
            problems.add(lessonFile + ": front matter field 'jcstress' says why there is no jcstress test, but "
                    + folder + " has one");
        }
        return problems;
    }
}
