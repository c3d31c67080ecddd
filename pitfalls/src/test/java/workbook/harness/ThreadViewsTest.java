package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import workbook.deepstack.Descent;
import workbook.harness.Evidence.ThreadView;

class ThreadViewsTest {

    private static final int DEPTH = 20;
    private static final String DESCENT = Descent.class.getName() + ".descend(";

    @Test
    void aDeepStackIsCutAtTwelveFramesUnlessMoreAreAskedFor() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch deep = new CountDownLatch(1);
        Thread thread = Thread.ofPlatform().daemon().name("deep")
                .start(() -> Descent.descend(DEPTH, deep, release));
        try {
            deep.await();
            while (thread.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }

            ThreadView cut = ThreadViews.of(List.of(thread.threadId()), new LockNames()).get(0);
            ThreadView deeper = ThreadViews.of(List.of(thread.threadId()), new LockNames(), 40).get(0);

            assertEquals(ThreadViews.MAX_FRAMES, cut.stack().size(), cut.stack()::toString);
            assertEquals(DEPTH + 1, deeper.stack().stream().filter(frame -> frame.startsWith(DESCENT)).count(),
                    deeper.stack()::toString);
        } finally {
            release.countDown();
        }
    }
}
