package workbook.staleflag;

// Right fix, another way: interruption instead of a flag of its own. interrupt() happens-before the interrupted
// thread sees it (isInterrupted() returns true), so the JIT must look each time; and it is how the JDK's own
// executors stop a task.
// expect: FIXED

/** Simulates trading days of a portfolio on a thread of its own and counts the days its loss breaches the limit. */
public class RiskSimulator implements Simulation {

    private final Portfolio portfolio;
    private final long seed;
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
        while (!Thread.currentThread().isInterrupted()) {
            if (portfolio.loss(market) > portfolio.limit()) {
                breaches++;
            }
            days++;
        }
        estimate = new Estimate(days, breaches);
    }

    @Override
    public Estimate stop() throws InterruptedException {
        worker.interrupt();
        worker.join();
        return estimate;
    }
}
