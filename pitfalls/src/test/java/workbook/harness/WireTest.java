package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {

    @Test
    void aVerdictWithEveryKindOfEvidenceComesBackEqual() {
        Verdict verdict = VerdictJsonTest.everyKindOfEvidence();

        String text = Wire.encode(verdict);

        assertEquals(verdict, Wire.decode(text, Verdict.class));
        assertTrue(text.chars().allMatch(c -> c < 128 && c != '\n'), "one line of ASCII");
    }

    @Test
    void textThatIsNotAnEncodingIsRefusedWithWhatWasExpected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Wire.decode("{\"outcome\": \"CLEAN\"}", Verdict.class));

        assertTrue(e.getMessage().startsWith("not a Verdict"), e.getMessage());
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        String timings = Wire.encode(new Verdict.Timings(1, 2, 3));

        var e = assertThrows(IllegalArgumentException.class, () -> Wire.decode(timings, Verdict.class));

        assertTrue(e.getMessage().startsWith("not a Verdict"), e.getMessage());
    }

    @Test
    void classesOutsideTheHarnessAndTheJdkCollectionsAreNeverCreated() {
        ArrayList<Object> list = new ArrayList<>(List.of("fine", URI.create("http://example.com")));
        String text = Wire.encode(list);

        var e = assertThrows(IllegalArgumentException.class, () -> Wire.decode(text, ArrayList.class));

        assertTrue(e.getMessage().contains("filter status: REJECTED"), e.getMessage());
    }
}
