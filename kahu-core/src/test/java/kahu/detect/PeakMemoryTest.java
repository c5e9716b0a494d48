package kahu.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PeakMemoryTest {
    @Test
    void readsVmHwmFromAProcStatusFileAndFallsBackToTheHeapWithoutOne(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  203456 kB\nVmRSS:\t  190000 kB\n");
        assertThat(PeakMemory.vmHwm(status)).isEqualTo(203_456L * 1024);
        assertThat(PeakMemory.vmHwm(Files.writeString(dir.resolve("other"), "Name:\tjava\n"))).isNull();
        assertThat(PeakMemory.vmHwm(dir.resolve("missing"))).isNull();
        assertThat(PeakMemory.heapPeak()).isPositive();
        PeakMemory now = PeakMemory.now();
        assertThat(now.bytes()).isPositive();
        assertThat(now.measure()).isEqualTo(Files.exists(Path.of("/proc/self/status")) ? PeakMemory.RESIDENT : PeakMemory.HEAP);
        assertThat(new PeakMemory(203L << 20, PeakMemory.RESIDENT)).hasToString("203 MB (peak resident set size (VmHWM))");
    }
}
