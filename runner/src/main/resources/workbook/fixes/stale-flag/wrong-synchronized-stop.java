package workbook.staleflag;

// Wrong fix: stop() writes the flag inside synchronized. A lock orders only the threads that take it: the worker
// reads the flag without it, so nothing makes the write visible to it, and C2 still reads the field once.
// expect: STILL BROKEN

/** Simulates trading days of a portfolio on a thread of its own and counts the days its loss breaches the limit. */
public class RiskSimulator implements Simulation {

    private final Portfolio portfolio;
    private final long seed;
    private boolean stopped;
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
        while (!stopped) {
            if (portfolio.loss(market) > portfolio.limit()) {
                breaches++;
            }
            days++;
        }
        estimate = new Estimate(days, breaches);
    }

    @Override
    public Estimate stop() throws InterruptedException {
        synchronized (this) {
            stopped = true;
        }
        worker.join();
        return estimate;
    }
}
