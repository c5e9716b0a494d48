package kahu.detect;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The most memory this process has used so far, for the scan summary: the peak resident set size (VmHWM of
 * /proc/self/status) where the system has it, else the JVM's peak heap usage summed over its heap pools, which
 * leaves out the JVM's own memory (code, metaspace, thread stacks) and so reads lower.
 *
 * @param bytes   the peak, in bytes
 * @param measure {@link #RESIDENT} or {@link #HEAP}
 */
public record PeakMemory(long bytes, String measure) {
    public static final String RESIDENT = "peak resident set size (VmHWM)";
    public static final String HEAP = "peak JVM heap usage (no VmHWM here)";

    public static PeakMemory now() {
        Long hwm = vmHwm(Path.of("/proc/self/status"));
        return hwm != null ? new PeakMemory(hwm, RESIDENT) : new PeakMemory(heapPeak(), HEAP);
    }

    /** VmHWM in bytes from a /proc status file ("VmHWM:   203456 kB"), or null when it is not there. */
    static Long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (!line.startsWith("VmHWM:")) continue;
                String[] parts = line.substring(6).trim().split("\\s+");
                long n = Long.parseLong(parts[0]);
                return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? n * 1024 : n;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected layout: fall back to the heap
        }
        return null;
    }

    static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** "203 MB (peak resident set size (VmHWM))" */
    @Override
    public String toString() {
        return String.format("%,d MB (%s)", bytes >> 20, measure);
    }
}
