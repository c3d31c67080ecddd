package workbook.lostupdate;

/**
 * A dashboard's loop: read the count until it reaches what the requests recorded. Nothing in it synchronises, so
 * it sees the requests' writes only if {@code views()} itself makes them visible (a lock, a volatile, an atomic);
 * a plain read may be done once by the JIT and its value kept for good. Loaded as a hidden class for each watch
 * ({@link LiveReading}), so that the JIT sees one counter class at its call and inlines it, as it would in a service.
 */
final class Polling implements LiveReading.Dashboard {

    @Override
    public long readUntil(ViewCounter counter, long target) {
        long seen = counter.views();
        while (seen < target) {
            seen = counter.views();
        }
        return seen;
    }
}
