package kahu.detect.ioc;

import java.util.List;

/**
 * Measures by hand (not a test: timings and heap figures vary by machine) the heap one million
 * synthetic indicators take, as records and as a built {@link IndicatorSet}. Run:
 * <pre>
 * java -Xmx1g -cp kahu-core/target/classes:kahu-core/target/test-classes:$(cat /tmp/kahu-core.cp) kahu.detect.ioc.IndicatorSetMemory
 * </pre>
 * Running it under {@code -Xmx1g} is itself the check that one million indicators fit in 1 GB.
 */
public final class IndicatorSetMemory {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long base = used();
        long t0 = System.nanoTime();
        List<Indicator> indicators = SyntheticIndicators.generate(n, 42);
        long t1 = System.nanoTime();
        long records = used() - base;
        IndicatorSet set = IndicatorSet.of(indicators);
        long t2 = System.nanoTime();
        long total = used() - base;
        System.out.printf("%,d indicators %s%n", set.size(), set.counts());
        System.out.printf("records (Indicator + strings): %,d MB; with IndicatorSet tables: %,d MB (tables %,d MB)%n",
                records >> 20, total >> 20, (total - records) >> 20);
        System.out.printf("generate %.1f s, build %.1f s; max heap %,d MB%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        if (set.match(indicators.get(7).type(), indicators.get(7).value()).isEmpty() && !indicators.get(7).value().contains("/")) {
            throw new AssertionError("lost " + indicators.get(7));
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
