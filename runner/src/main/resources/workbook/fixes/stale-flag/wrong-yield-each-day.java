package workbook.staleflag;

// Wrong fix: Thread.yield() after each day, "to let the stopping thread run". On HotSpot the call makes the JIT read
// the flag again, so it stops; but the Java Memory Model promises nothing of the kind, and a yield per day throttles
// the simulation that was to run at full speed.
// expect: DOES NOT WORK

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
            Thread.yield();
        }
        estimate = new Estimate(days, breaches);
    }

    @Override
    public Estimate stop() throws InterruptedException {
        stopped = true;
        worker.join();
        return estimate;
    }
}
