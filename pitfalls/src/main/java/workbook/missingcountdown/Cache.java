package workbook.missingcountdown;

/** One of the service's caches: loading it fills it from its backing store, which takes a while and may fail. */
public interface Cache {

    String name();

    /** Fills the cache; throws (an {@code UncheckedIOException}, say) when its backing store cannot be read. */
    void load();
}
