package workbook.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TracksTest {

    /** Two lessons of 10 minutes each: demo and other. */
    private static Lessons twoLessons() {
        String other = LessonParserTest.FRONT.replace("id: demo", "id: other");
        return Lessons.read(List.of(new Chapter(3, "Three", List.of())),
                Map.of("demo", LessonParserTest.lesson(LessonParserTest.FRONT, LessonParserTest.BODY), "other",
                        LessonParserTest.lesson(other, LessonParserTest.BODY)));
    }

    @Test
    void theShippedTracksAreReadWithoutAProblemAndCoverEveryLesson() {
        Lessons lessons = Lessons.load();
        assertEquals(List.of(), lessons.problems());
        assertTrue(lessons.tracks().size() >= 4, "tracks: " + lessons.tracks());
        for (Lesson lesson : lessons.all()) {
            assertTrue(lessons.tracks().stream().anyMatch(t -> t.lessons().contains(lesson.id())),
                    lesson.id() + " is in no track of " + TracksFile.FILE);
        }
    }

    @Test
    void theInstructorsGuideListsEveryTrackWithItsMinutesAndNoOther() throws Exception {
        String guide = Files.readString(Path.of("INSTRUCTORS.md"));
        List<Track> tracks = Lessons.load().tracks();
        for (Track track : tracks) {
            assertTrue(guide.contains("| `" + track.name() + "` | " + track.minutes() + " |"),
                    "INSTRUCTORS.md's table of tracks lacks " + track.name() + " (" + track.minutes() + " minutes)");
        }
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| \\d+ \\|").matcher(guide);
        while (row.find()) {
            String name = row.group(1);
            assertTrue(tracks.stream().anyMatch(t -> t.name().equals(name)), "INSTRUCTORS.md names no track " + name);
        }
    }

    @Test
    void aTrackIsReadInItsOrder() {
        Lessons lessons = twoLessons().withTracks(Lessons.yaml("""
                - name: short-one
                  title: Short
                  minutes: 30
                  audience: Anyone.
                  lessons: [other, demo]
                """));
        assertEquals(List.of(), lessons.problems());
        assertEquals(List.of("other", "demo"), lessons.track("short-one").orElseThrow().lessons());
    }

    @Test
    void aTrackThatCannotBeUsedIsLeftOutAndSaysWhy() {
        Lessons lessons = twoLessons().withTracks(Lessons.yaml("""
                - name: too-long
                  title: Too long
                  minutes: 15
                  audience: Anyone.
                  lessons: [demo, other]
                - name: unknown
                  title: Unknown
                  minutes: 60
                  audience: Anyone.
                  lessons: [demo, nosuch]
                - name: twice
                  title: Twice
                  minutes: 60
                  audience: Anyone.
                  lessons: [demo, demo]
                - name: Not Kebab
                  title: Bad name
                  minutes: 60
                  audience: Anyone.
                  lessons: [demo]
                - name: fine
                  title: Fine
                  minutes: 60
                  audience: Anyone.
                  lessons: [demo]
                """));
        assertEquals(List.of("fine"), lessons.tracks().stream().map(Track::name).toList());
        List<String> problems = lessons.problems().stream().map(Exception::getMessage).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("track 'too-long' its lessons take 20 minutes, more than its 15"),
                problems.get(0));
        assertTrue(problems.get(1).endsWith("track 'unknown' lists nosuch, which is no lesson"), problems.get(1));
        assertTrue(problems.get(2).endsWith("track 'twice' lists demo twice"), problems.get(2));
        assertTrue(problems.get(3).endsWith("track 'Not Kebab' its name must be kebab-case"), problems.get(3));
    }

    @Test
    void aFileThatIsNoListIsAProblemNotACrash() {
        Lessons lessons = twoLessons().withTracks(Lessons.yaml("name: first-hour"));
        assertEquals(List.of(), lessons.tracks());
        assertTrue(lessons.problems().get(0).getMessage().endsWith("must be a list of tracks"));
    }
}
