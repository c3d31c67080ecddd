package workbook.runner.platform;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import workbook.runner.suite.Jdk;

/** The catalog on one JDK: the engine's root, with the settings it was discovered with. */
final class CatalogDescriptor extends EngineDescriptor {

    private final CatalogSettings settings;
    private final Jdk jdk;

    CatalogDescriptor(UniqueId id, CatalogSettings settings, Jdk jdk) {
        // The JDK in the name: a report of a run over several JDKs has a suite for each.
        super(id, "Concurrency Pitfalls Workbook on " + jdk.label());
        this.settings = settings;
        this.jdk = jdk;
    }

    CatalogSettings settings() {
        return settings;
    }

    Jdk jdk() {
        return jdk;
    }
}
