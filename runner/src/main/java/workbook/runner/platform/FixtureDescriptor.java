package workbook.runner.platform;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import workbook.runner.suite.WrongFixes;

/** A wrong-fix fixture of a pitfall: a test that {@code check} gives it the verdict it expects. */
final class FixtureDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "fixture";

    private final WrongFixes.Fixture fixture;

    FixtureDescriptor(UniqueId pitfallId, WrongFixes.Fixture fixture) {
        super(pitfallId.append(SEGMENT, fixture.name()), fixture.pitfall() + " " + fixture.name() + " gets "
                + (fixture.expected() == null ? "(no verdict expected)" : fixture.expected().label));
        this.fixture = fixture;
    }

    WrongFixes.Fixture fixture() {
        return fixture;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
