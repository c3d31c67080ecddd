package workbook.staleflag;

// Wrong fix: stop() interrupts the worker too. Nothing in the loop checks the interrupt (no sleep, no wait, no
// isInterrupted()), and the flag it does check is still a plain field.
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
        stopped = true;
        worker.interrupt();
        worker.join();
        return estimate;
    }
}
