package workbook.cancelthatdoesnt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The scenario's renderer and archive, which record every page begun and every store on the export's job. A page
 * takes its time whatever happens, like real rendering, which never looks at interrupts: only the exporter's own
 * check between pages can stop an export.
 */
final class ScriptedBackOffice implements PageRenderer, Archive {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    void expect(Job job) {
        jobs.put(job.export.name(), job);
    }

    @Override
    public Page render(Export export, int number) {
        Job job = job(export.name());
        job.pageBegun(number);
        long end = System.nanoTime() + job.pageTime(number).toNanos();
        boolean interrupted = false;
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            // An interrupt would end every park at once: keep it aside, and give it back when the page is done.
            interrupted |= Thread.interrupted();
            LockSupport.parkNanos(left);
        }
        job.pageEnded(number);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Page(number, export.name() + ", page " + number);
    }

    @Override
    public String store(String name, List<Page> pages) {
        job(name).stored(pages.size());
        return "archive://reports/" + name;
    }

    private Job job(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("no such export: " + name);
        }
        return job;
    }
}
