package workbook.runner.platform;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.harness.Variant;
import workbook.runner.suite.WrongFixes;

/**
 * Turns what a build or an IDE selects into the catalog's tests: a class marked {@link ConcurrencyCatalog} or the
 * engine itself selects the whole catalog (or the pitfalls named in {@value CatalogSettings#PITFALLS}); a pitfall's or
 * a variant's unique id selects it alone, as an IDE does to run one test again.
 */
final class CatalogResolver implements SelectorResolver {

    private final UniqueId engineId;
    private final List<Pitfall<?>> chosen;
    private final boolean wrongFixes;

    CatalogResolver(UniqueId engineId, CatalogSettings settings) {
        this.engineId = engineId;
        this.wrongFixes = settings.wrongFixes();
        Set<String> named = settings.pitfalls();
        List<Pitfall<?>> all = Pitfalls.all();
        Set<String> unknown = named.stream().filter(id -> Pitfalls.byId(id).isEmpty()).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(CatalogSettings.PITFALLS + " names no pitfall of the catalog: "
                    + String.join(", ", unknown.stream().sorted().toList()));
        }
        this.chosen = named.isEmpty() ? all : all.stream().filter(p -> named.contains(p.id())).toList();
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        // A build hands every engine each test class it finds: only the marked one is the catalog's.
        return selector.getJavaClass().isAnnotationPresent(ConcurrencyCatalog.class)
                ? wholeCatalog()
                : Resolution.unresolved();
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (id.equals(engineId)) {
            return wholeCatalog();
        }
        List<UniqueId.Segment> segments = id.getSegments();
        if (!id.hasPrefix(engineId) || segments.size() > 3
                || !segments.get(1).getType().equals(PitfallDescriptor.SEGMENT)) {
            return Resolution.unresolved();
        }
        Optional<Pitfall<?>> pitfall = Pitfalls.byId(segments.get(1).getValue());
        if (pitfall.isEmpty()) {
            return Resolution.unresolved();
        }
        if (segments.size() == 2) {
            return context.addToParent(parent -> Optional.of(new PitfallDescriptor(parent.getUniqueId(),
                    pitfall.get())))
                    .map(descriptor -> Match.exact(descriptor, () -> childrenOf(descriptor.getUniqueId())))
                    .map(Resolution::match).orElse(Resolution.unresolved());
        }
        UniqueId.Segment last = segments.get(2);
        Optional<? extends org.junit.platform.engine.TestDescriptor> child = Optional.empty();
        if (last.getType().equals(VariantDescriptor.SEGMENT)) {
            child = List.of(Variant.BROKEN, Variant.FIXED).stream()
                    .filter(v -> last.getValue().equals(VariantDescriptor.segment(v))).findFirst()
                    .flatMap(v -> context.addToParent(() -> selectUniqueId(id.removeLastSegment()),
                            parent -> Optional.of(new VariantDescriptor(parent.getUniqueId(), pitfall.get(), v))));
        } else if (last.getType().equals(FixtureDescriptor.SEGMENT)) {
            child = WrongFixes.of(pitfall.get().id()).stream().filter(f -> f.name().equals(last.getValue()))
                    .findFirst().flatMap(f -> context.addToParent(() -> selectUniqueId(id.removeLastSegment()),
                            parent -> Optional.of(new FixtureDescriptor(parent.getUniqueId(), f))));
        }
        return child.map(Match::exact).map(Resolution::match).orElse(Resolution.unresolved());
    }

    private Resolution wholeCatalog() {
        Set<DiscoverySelector> pitfalls = new LinkedHashSet<>();
        chosen.forEach(p -> pitfalls.add(selectUniqueId(engineId.append(PitfallDescriptor.SEGMENT, p.id()))));
        return Resolution.selectors(pitfalls);
    }

    /** A pitfall's tests: its variants, then its wrong-fix fixtures if they are asked for. */
    private Set<DiscoverySelector> childrenOf(UniqueId pitfallId) {
        Set<DiscoverySelector> children = new LinkedHashSet<>();
        for (Variant variant : List.of(Variant.BROKEN, Variant.FIXED)) {
            children.add(
                    selectUniqueId(pitfallId.append(VariantDescriptor.SEGMENT, VariantDescriptor.segment(variant))));
        }
        if (wrongFixes) {
            WrongFixes.of(pitfallId.getLastSegment().getValue()).forEach(
                    fixture -> children
                            .add(selectUniqueId(pitfallId.append(FixtureDescriptor.SEGMENT, fixture.name()))));
        }
        return children;
    }
}
