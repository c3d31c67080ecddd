package workbook.runner.platform;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import workbook.harness.Pitfall;

/** One pitfall of the catalog: a container of its variants' tests. */
final class PitfallDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "pitfall";

    private final Pitfall<?> pitfall;

    PitfallDescriptor(UniqueId parent, Pitfall<?> pitfall) {
        // Its scenario's class as the source: where an IDE takes a learner who asks what the test does.
        super(parent.append(SEGMENT, pitfall.id()), pitfall.id(), ClassSource.from(pitfall.getClass()));
        this.pitfall = pitfall;
    }

    Pitfall<?> pitfall() {
        return pitfall;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
