package workbook.runner.suite;

import java.util.List;

/** Order statistics of a handful of timings. */
public record Stats(long median, long p95, long max) {

    public static Stats of(List<Long> values) {
        if (values.isEmpty()) {
            return new Stats(0, 0, 0);
        }
        List<Long> sorted = values.stream().sorted().toList();
        return new Stats(at(sorted, 0.5), at(sorted, 0.95), sorted.get(sorted.size() - 1));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
}
