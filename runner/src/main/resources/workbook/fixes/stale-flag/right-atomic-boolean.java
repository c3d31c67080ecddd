package workbook.staleflag;

import java.util.concurrent.atomic.AtomicBoolean;

// Right fix, another way: an AtomicBoolean. get() is a volatile read and set() a volatile write, so stop()'s write
// happens-before the worker's next read, as with a volatile field.
// expect: FIXED

/** Simulates trading days of a portfolio on a thread of its own and counts the days its loss breaches the limit. */
public class RiskSimulator implements Simulation {

    private final Portfolio portfolio;
    private final long seed;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread worker;
    private Estimate estimate;

    public RiskSimulator(Portfolio portfolio, long seed) {
        this.portfolio = portfolio;
        this.seed = seed;
    }

    @Override
    public void start() {
        worker = new Thread(this::simulate, "risk-simulator");
        worker.start();
    }

    private void simulate() {
        Market market = new Market(seed);
        long days = 0;
        long breaches = 0;
        while (!stopped.get()) {
            if (portfolio.loss(market) > portfolio.limit()) {
                breaches++;
            }
            days++;
        }
        estimate = new Estimate(days, breaches);
    }

    @Override
    public Estimate stop() throws InterruptedException {
        stopped.set(true);
        worker.join();
        return estimate;
    }
}
