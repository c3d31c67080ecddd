package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SubjectsTest {

    public static final class Greeter {
        final String name;

        public Greeter(CharSequence name) {
            this.name = name.toString();
        }
    }

    public static final class Fails {
        public Fails() {
            throw new IllegalStateException("no");
        }
    }

    @Test
    void callsTheConstructorThatTakesTheArguments() {
        assertEquals("Ada", Subjects.create(Greeter.class, "Ada").name);
    }

    @Test
    void aMissingConstructorIsExplainedToTheLearner() {
        var e = assertThrows(Subjects.SubjectException.class, () -> Subjects.create(Greeter.class, 42));

        assertEquals("Greeter needs a public constructor taking (Integer): the scenario creates it so", e.getMessage());
    }

    @Test
    void aConstructorThatThrowsIsReportedWithItsException() {
        var e = assertThrows(Subjects.SubjectException.class, () -> Subjects.create(Fails.class));

        assertEquals("Fails's constructor threw java.lang.IllegalStateException: no", e.getMessage());
    }
}
