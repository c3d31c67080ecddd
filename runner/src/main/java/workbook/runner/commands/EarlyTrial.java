package workbook.runner.commands;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import workbook.harness.Pitfalls;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.runner.Workbook;

/**
 * A trial of {@code run} started before the command needs its verdict, on a daemon thread of its own (it never keeps
 * this JVM up): by {@code run} itself before it reads the catalog, or by {@code main} before the command line is even
 * built ({@link #headStart}), so that the trial's JVM starts while this one still starts. Ctrl-C (an interrupt of the
 * thread waiting for it) is passed on to it: the trial JVM is ended, and its verdict says the trial was interrupted,
 * as a trial run on the waiting thread says.
 */
public final class EarlyTrial {

    /** The budget of a plain {@code run <id>}: {@link RunCommand}'s default. */
    static final int DEFAULT_BUDGET_SECONDS = 5;

    /** The trial {@code main} started, until {@code run} claims it. */
    private static final AtomicReference<HeadStart> HEAD_START = new AtomicReference<>();

    private record HeadStart(String id, Variant variant, EarlyTrial trial) {
    }

    private final CompletableFuture<Verdict> verdict = new CompletableFuture<>();
    private final Thread thread;

    EarlyTrial(Supplier<Verdict> trial) {
        thread = Thread.ofPlatform().name("early-trial").daemon().start(() -> {
            try {
                verdict.complete(trial.get());
            } catch (RuntimeException | Error e) {
                verdict.completeExceptionally(e);
            }
        });
    }

    /**
     * For {@code main}: starts the trial of a plain {@code run <id>} or {@code run <id> --fixed} at once. Anything
     * else (another command, other options, an id that is no pitfall's) starts nothing, and {@code run} starts its
     * trial itself.
     */
    public static void headStart(String[] args, TrialLauncher launcher) {
        if (args.length < 2 || args.length > 3 || !args[0].equals("run")) {
            return;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        boolean fixed = rest.contains("--fixed");
        List<String> ids = rest.stream().filter(arg -> !arg.equals("--fixed")).toList();
        if (ids.size() != 1 || ids.get(0).startsWith("-") || rest.size() != ids.size() + (fixed ? 1 : 0)
                || Pitfalls.byId(ids.get(0)).isEmpty()) {
            return;
        }
        String id = ids.get(0);
        Variant variant = fixed ? Variant.FIXED : Variant.BROKEN;
        HEAD_START.set(new HeadStart(id, variant, new EarlyTrial(
                () -> launcher.run(id, variant, Workbook.budget(DEFAULT_BUDGET_SECONDS)))));
    }

    /** The trial {@code main} started for this run, if it is this one; otherwise one started now with {@code trial}. */
    static EarlyTrial claim(String id, Variant variant, int budgetSeconds, Supplier<Verdict> trial) {
        HeadStart started = HEAD_START.getAndSet(null);
        if (started != null && started.id().equals(id) && started.variant() == variant
                && budgetSeconds == DEFAULT_BUDGET_SECONDS) {
            return started.trial();
        }
        if (started != null) {
            started.trial().stop();
        }
        return new EarlyTrial(trial);
    }

    Verdict verdict() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return verdict.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    thread.interrupt();
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void stop() {
        thread.interrupt();
    }
}
