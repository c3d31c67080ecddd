package workbook.unboundedvirtualthreads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Limit;
import workbook.harness.Evidence.Point;
import workbook.harness.Evidence.Series;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.WatchedCall;

/**
 * Checkout at a busy moment: 6 to 10 carts of 15 to 40 parcels are quoted at once, each on a checkout thread of its
 * own, with one quoter; the carrier allows 4 to 8 calls in progress at once (drawn) and refuses the others (429). One
 * parcel of one cart goes to a postcode the carrier does not serve, and that cart must fail with the carrier's
 * exception. A call beyond the limit is the failure; otherwise every other cart must get its prices, in order, and the
 * carrier must have been kept busy: its limit reached, and on average at least half of it in use while the carts ran
 * (a quoter that takes turns is not what the contract promises).
 */
public final class UnboundedVirtualThreads implements Pitfall<ShippingQuoter> {

    static final int PLOT_ROWS = 16;
    /** The least average number of calls in progress, as a share of the limit, while the carts are quoted. */
    static final double BUSY_SHARE = 0.5;

    @Override
    public String id() {
        return "unbounded-virtual-threads";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.OVERLOAD;
    }

    /** Every cart's threads end with its call (the quoter closes its executor), and the carts are watched to the end. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ShippingQuotes> subject() {
        return ShippingQuotes.class;
    }

    @Override
    public Finding run(Class<? extends ShippingQuoter> implementation, Trial trial) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int limit = 4 + random.nextInt(5);
        List<List<Parcel>> carts = carts(random);
        int unservedCart = random.nextInt(carts.size());
        List<Parcel> failing = carts.get(unservedCart);
        Parcel unserved = failing.get(random.nextInt(failing.size()));
        LimitedCarrier carrier = new LimitedCarrier(limit, unserved.postcode());
        ShippingQuoter quoter = Subjects.create(implementation, carrier);
        int parcels = carts.stream().mapToInt(List::size).sum();
        double idealMillis = parcels * LimitedCarrier.meanMillis() / limit;
        Duration patience = Duration.ofMillis(Math.round(Math.max(3_000, 6 * idealMillis)));

        CountDownLatch go = new CountDownLatch(1);
        List<WatchedCall<List<Long>>> checkouts = new ArrayList<>();
        for (int i = 0; i < carts.size(); i++) {
            List<Parcel> cart = carts.get(i);
            checkouts.add(new WatchedCall<>("checkout-" + (i + 1), () -> {
                go.await();
                return quoter.quoteAll(cart);
            }).start());
        }
        long start = System.nanoTime();
        carrier.begin();
        go.countDown();
        long deadline = start + patience.toNanos();
        for (WatchedCall<List<Long>> checkout : checkouts) {
            while (!checkout.ended() && System.nanoTime() < deadline && !trial.outOfTime()) {
                Thread.sleep(2);
            }
        }
        long lastEnd = checkouts.stream().mapToLong(WatchedCall::endedAt).max().orElse(start);
        double runMillis = Math.max(1, (lastEnd - start) / 1e6);

        String load = String.format(Locale.ROOT, "%d carts (%,d parcels) quoted at once, against a carrier that "
                + "allows %d calls in progress", carts.size(), parcels, limit);
        Series plot = plot(carrier);
        if (carrier.refused() > 0) {
            long failed = checkouts.stream().filter(c -> c.thrown() != null).count();
            return trial.reproduced(FailureKind.OVERLOAD, String.format(Locale.ROOT,
                    "%s: it saw up to %,d calls in progress at once, and refused %,d of the %,d it got (429 Too Many "
                            + "Requests); %d of the %d carts failed",
                    load, carrier.mostAtOnce(), carrier.refused(), carrier.calls(), failed, carts.size()), plot,
                    new Evidence.Count("calls over the carrier's limit", 0, carrier.refused()),
                    new Evidence.Note("A refused cart: " + firstRefused(checkouts)));
        }
        List<WatchedCall<List<Long>>> stuck = checkouts.stream().filter(c -> !c.ended()).toList();
        if (!stuck.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s: %d of the carts were still being quoted after %,d ms, when %d calls at a time take about "
                            + "%,d ms for them all",
                    load, stuck.size(), patience.toMillis(), limit, Math.round(idealMillis)), plot,
                    new Evidence.Threads("Where a checkout was stuck",
                            ThreadViews.of(List.of(stuck.get(0).thread().threadId()), trial.lockNames())));
        }
        for (int i = 0; i < carts.size(); i++) {
            String wrong = i == unservedCart
                    ? failedAsPromised(carts.get(i), checkouts.get(i), unserved)
                    : quotedAsPromised(carts.get(i), checkouts.get(i));
            if (wrong != null) {
                return trial.notWorking(load + ": " + wrong, plot);
            }
        }
        double average = carrier.servedMillis() / runMillis;
        if (carrier.mostAtOnce() < limit) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s: it never had more than %d call%s in progress at once%s; the contract says the quotes run as "
                            + "many at once as the carrier allows. They took %,d ms, where %d at a time take about "
                            + "%,d ms",
                    load, carrier.mostAtOnce(), carrier.mostAtOnce() == 1 ? "" : "s",
                    carrier.mostAtOnce() == 1 ? " (one at a time)" : "", Math.round(runMillis), limit,
                    Math.round(idealMillis)), plot);
        }
        if (average < BUSY_SHARE * limit) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s: it had %.1f calls in progress on average while the carts were quoted, under half its limit, "
                            + "though %,d parcels waited; the contract says the quotes run as many at once as the "
                            + "carrier allows",
                    load, average, parcels), plot);
        }
        return trial.clean(String.format(Locale.ROOT,
                "%s: every parcel was quoted, the carrier never had more than %d calls in progress and refused none, "
                        + "and it had %.1f in progress on average while the %,d parcels were quoted (%,d ms); the cart "
                        + "with the postcode the carrier does not serve failed with its IllegalArgumentException",
                load, carrier.mostAtOnce(), average, parcels, Math.round(runMillis)), plot);
    }

    /** 6 to 10 carts of 15 to 40 parcels, each to a postcode of its own, of 100 g to 20 kg. */
    private static List<List<Parcel>> carts(ThreadLocalRandom random) {
        List<List<Parcel>> carts = new ArrayList<>();
        int count = 6 + random.nextInt(5);
        int next = 1;
        for (int cart = 1; cart <= count; cart++) {
            List<Parcel> parcels = new ArrayList<>();
            int size = 15 + random.nextInt(26);
            for (int i = 0; i < size; i++, next++) {
                parcels.add(new Parcel("parcel-" + next, String.format(Locale.ROOT, "%05d", 10_000 + next * 7),
                        100 + random.nextInt(19_900)));
            }
            carts.add(List.copyOf(parcels));
        }
        return carts;
    }

    /** Null if the checkout returned every parcel's price, in order; what was wrong otherwise. */
    private static String quotedAsPromised(List<Parcel> cart, WatchedCall<List<Long>> checkout) {
        String call = checkout.thread().getName() + "'s quoteAll (" + cart.size() + " parcels)";
        if (checkout.thrown() != null) {
            return call + " threw " + checkout.thrown() + " though the carrier refused nothing and served every one "
                    + "of its postcodes; the contract says a quote over the limit waits for its turn";
        }
        List<Long> prices = checkout.result();
        List<Long> expected = cart.stream().map(LimitedCarrier::price).toList();
        if (prices == null || prices.size() != expected.size() || prices.contains(null)) {
            long priced = prices == null ? 0 : prices.stream().filter(p -> p != null).count();
            return String.format(Locale.ROOT, "%s returned %s, with no error: %d of its parcels were dropped "
                    + "unquoted; the contract says a quote over the limit waits for its turn", call,
                    prices == null ? "null" : priced + " prices for " + cart.size() + " parcels",
                    cart.size() - priced);
        }
        if (!prices.equals(expected)) {
            return call + " returned " + prices + ", not the carrier's prices in the parcels' order " + expected;
        }
        return null;
    }

    /** Null if the checkout with the unserved parcel failed with the carrier's exception; what was wrong otherwise. */
    private static String failedAsPromised(List<Parcel> cart, WatchedCall<List<Long>> checkout, Parcel unserved) {
        String call = checkout.thread().getName() + "'s quoteAll (" + cart.size() + " parcels)";
        Throwable thrown = checkout.thrown();
        if (thrown == null) {
            return call + " returned " + checkout.result() + " though the carrier does not serve " + unserved.id()
                    + "'s postcode; the contract says the carrier's failure fails the call";
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().contains(unserved.postcode())) {
                return null;
            }
        }
        return call + " threw " + thrown + ", not the carrier's failure for " + unserved.id() + " (no service to "
                + "postcode " + unserved.postcode() + ")";
    }

    private static String firstRefused(List<WatchedCall<List<Long>>> checkouts) {
        return checkouts.stream().filter(c -> c.thrown() != null)
                .map(c -> c.thread().getName() + " threw " + c.thrown()).findFirst()
                .orElse("none: every cart got its prices (a quoter that retries hides the refusals from its callers, "
                        + "not from the carrier)");
    }

    /** The most calls in progress at once, per row of about the same length of the run, against the limit. */
    private static Series plot(LimitedCarrier carrier) {
        int[] buckets = carrier.mostPerBucket();
        int rows = Math.min(PLOT_ROWS, buckets.length);
        List<Point> points = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            int from = row * buckets.length / rows;
            int to = (row + 1) * buckets.length / rows;
            int most = 0;
            for (int b = from; b < to; b++) {
                most = Math.max(most, buckets[b]);
            }
            points.add(new Point((long) from * LimitedCarrier.BUCKET_MILLIS, most));
        }
        return new Series("Calls in progress at the carrier (the most at once in each stretch)", "ms",
                "calls at once", points, new Limit(carrier.limit(), "the carrier's limit"));
    }
}
