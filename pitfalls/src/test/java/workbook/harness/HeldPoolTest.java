package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HeldPoolTest {

    @Test
    void tasksWaitUntilReleasedThenRunOnTheNamedWorkers() throws Exception {
        HeldPool pool = new HeldPool("mail", 2);
        List<String> ran = new CopyOnWriteArrayList<>();
        pool.execute(() -> ran.add(Thread.currentThread().getName()));
        pool.execute(() -> ran.add(Thread.currentThread().getName()));

        Thread.sleep(50);
        assertEquals(List.of(), ran, "nothing runs before the release");
        assertEquals(2, pool.handed());

        pool.release();
        pool.execute(() -> ran.add(Thread.currentThread().getName()));
        assertTrue(Waits.until(() -> ran.size() == 3, Duration.ofSeconds(5)), ran::toString);
        assertTrue(ran.stream().allMatch(name -> name.equals("mail-1") || name.equals("mail-2")), ran::toString);
        assertTrue(pool.shutdown(Duration.ofSeconds(5)));
        assertEquals(3, pool.handed());
    }
}
