package workbook.nevercompletedfuture;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The error reporter, and the last words of the pool's threads: where else a failure could have gone. */
final class Reports implements ErrorReporter, Thread.UncaughtExceptionHandler {

    private record Heard(String text, Throwable error) {
    }

    private final List<Heard> reports = new CopyOnWriteArrayList<>();
    private final List<Heard> uncaught = new CopyOnWriteArrayList<>();

    @Override
    public void report(String what, Throwable error) {
        reports.add(new Heard(error == null ? what : what + ": " + error, error));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        uncaught.add(new Heard(thread.getName() + " died of " + error, error));
    }

    /** What became of {@code failure}: logged, escaped into a thread's death, or neither. */
    String heard(Throwable failure) {
        List<String> logged = reports.stream().filter(h -> carries(h.error(), failure)).map(Heard::text).toList();
        List<String> escaped = uncaught.stream().filter(h -> carries(h.error(), failure)).map(Heard::text).toList();
        String log = logged.isEmpty()
                ? "the error reporter never got it"
                : "the error reporter logged it (\"" + String.join("\", \"", logged) + "\")";
        return escaped.isEmpty()
                ? log + ", and then it was dropped"
                : log + "; it escaped the task: " + String.join(", ", escaped);
    }

    private static boolean carries(Throwable error, Throwable failure) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t == failure) {
                return true;
            }
        }
        return false;
    }
}
