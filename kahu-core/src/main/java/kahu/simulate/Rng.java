package kahu.simulate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random streams: one per (seed, purpose, organisation, server), so that any server's
 * output depends only on the seed and its own coordinates, whatever was generated before it.
 */
final class Rng {
    private final SplittableRandom random;

    private Rng(long seed) {
        random = new SplittableRandom(seed);
    }

    static Rng of(long seed, long... coordinates) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long c : coordinates) h = mix(h ^ (c + 0x632BE59BD9B4E019L));
        return new Rng(h);
    }

    /** Purposes of streams, so that adding draws to one never shifts another. */
    static final long CONSTITUENCY = 1, PLAN = 2, BENIGN = 3, OPERATION = 4, WEB = 5;

    static long mix(long z) { // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
        return mix(h);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [low, high]. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    long nextLong(long bound) {
        return random.nextLong(bound);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }

    /** An index drawn with the given weights (non-negative, not all zero). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    /** Random lower-case letters and digits. */
    String letters(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(36);
            c[i] = (char) (r < 26 ? 'a' + r : '0' + r - 26);
        }
        return new String(c);
    }

    /** Poisson-distributed count with mean lambda (Knuth's method for small means, normal approximation above). */
    int poisson(double lambda) {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    String uuid() {
        return new java.util.UUID(random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }
}
