package workbook.runner.suite;

import java.lang.management.ManagementFactory;

/** Where a benchmark or a regression suite ran: numbers and verdicts mean little without it. */
public record Machine(String os, String arch, int cores, String jdkVendor, String jdkVersion, String jdkHome,
        double loadBefore, double loadAfter) {

    /** This machine, its load average now (the load after is filled in at the end). */
    public static Machine now() {
        return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("java.home"), load(), -1);
    }

    public Machine ended() {
        return new Machine(os, arch, cores, jdkVendor, jdkVersion, jdkHome, loadBefore, load());
    }

    /** The system's load average over the last minute; negative where the OS does not tell. */
    public static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
