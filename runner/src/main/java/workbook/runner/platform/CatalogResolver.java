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

/**
 * Turns what a build or an IDE selects into the catalog's tests: a class marked {@link ConcurrencyCatalog} or the
 * engine itself selects the whole catalog (or the pitfalls named in {@value CatalogSettings#PITFALLS}); a pitfall's or
 * a variant's unique id selects it alone, as an IDE does to run one test again.
 */
final class CatalogResolver implements SelectorResolver {

    private final UniqueId engineId;
    private final List<Pitfall<?>> chosen;

    CatalogResolver(UniqueId engineId, Set<String> named) {
        this.engineId = engineId;
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
                    .map(descriptor -> Match.exact(descriptor, () -> variantsOf(descriptor.getUniqueId())))
                    .map(Resolution::match).orElse(Resolution.unresolved());
        }
        UniqueId.Segment last = segments.get(2);
        Optional<Variant> variant = List.of(Variant.BROKEN, Variant.FIXED).stream()
                .filter(v -> last.getType().equals(VariantDescriptor.SEGMENT)
                        && last.getValue().equals(VariantDescriptor.segment(v)))
                .findFirst();
        if (variant.isEmpty()) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> selectUniqueId(id.removeLastSegment()),
                parent -> Optional.of(new VariantDescriptor(parent.getUniqueId(), pitfall.get(), variant.get())))
                .map(Match::exact).map(Resolution::match).orElse(Resolution.unresolved());
    }

    private Resolution wholeCatalog() {
        Set<DiscoverySelector> pitfalls = new LinkedHashSet<>();
        chosen.forEach(p -> pitfalls.add(selectUniqueId(engineId.append(PitfallDescriptor.SEGMENT, p.id()))));
        return Resolution.selectors(pitfalls);
    }

    private static Set<DiscoverySelector> variantsOf(UniqueId pitfallId) {
        return List.of(Variant.BROKEN, Variant.FIXED).stream()
                .map(v -> (DiscoverySelector) selectUniqueId(pitfallId.append(VariantDescriptor.SEGMENT,
                        VariantDescriptor.segment(v))))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
