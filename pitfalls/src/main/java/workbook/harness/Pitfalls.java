package workbook.harness;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every pitfall on the class path, found with {@link ServiceLoader}. */
public final class Pitfalls {

    private Pitfalls() {
    }

    public static List<Pitfall<?>> all() {
        return ServiceLoader.load(Pitfall.class).stream().<Pitfall<?>>map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Pitfall::id)).toList();
    }

    public static Optional<Pitfall<?>> byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
