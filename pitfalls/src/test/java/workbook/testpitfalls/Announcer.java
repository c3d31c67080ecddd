package workbook.testpitfalls;

/** The broken subject of {@code test-runs-learners}: it throws. A learner's copy that does not is clean. */
public class Announcer implements Runnable {

    @Override
    public void run() {
        throw new IllegalStateException("the broken announcer");
    }
}
