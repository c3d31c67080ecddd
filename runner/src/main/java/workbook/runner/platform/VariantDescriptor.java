package workbook.runner.platform;

import java.util.Locale;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import workbook.harness.Pitfall;
import workbook.harness.Variant;

/** A pitfall's broken or fixed example: a test whose verdict is that of all its trials. */
final class VariantDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "variant";

    private final Variant variant;

    VariantDescriptor(UniqueId pitfallId, Pitfall<?> pitfall, Variant variant) {
        super(pitfallId.append(SEGMENT, segment(variant)), pitfall.id() + " " + claim(pitfall, variant));
        this.variant = variant;
    }

    /** "broken" or "fixed", as unique ids have it. */
    static String segment(Variant variant) {
        return variant.name().toLowerCase(Locale.ROOT);
    }

    /** What every trial of the variant must show. */
    static String claim(Pitfall<?> pitfall, Variant variant) {
        return variant == Variant.BROKEN ? "broken reproduces " + pitfall.kind() : "fixed is clean";
    }

    Variant variant() {
        return variant;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
