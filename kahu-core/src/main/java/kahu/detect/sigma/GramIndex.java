package kahu.detect.sigma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of many case-folded literals (three chars or longer) occur in a text, for the rule
 * prefilter. Each literal is indexed under one of its trigrams, the one fewest other literals
 * share; a pass over the text folds each char ({@link LiteralAutomaton#fold}, as {@link Folded}
 * does), keeps the last three in a rolling key and checks a 64-kbit filter of the trigrams in
 * use (8 kB: it stays in the L1 cache and answers most chars); only then is the direct-mapped
 * table of literals looked at, and each literal there is compared with the text before it is
 * reported (a trigram shared by hash is only an extra comparison).
 *
 * <p>Replaced the Aho-Corasick automaton in the prefilter: its sparse states (tens of thousands
 * for the command-line and hash literals of process creation rules) cost a search of the state's
 * keys and failure links per char. Any chars, not only ASCII, since both sides are folded alike.
 * Immutable; searching allocates nothing.
 */
final class GramIndex {
    static final int Q = 3;

    /** What a search reports: the index of a literal found (possibly more than once). */
    interface Found {
        void literal(int index);
    }

    private static final int FILTER_BITS = 16;

    private final long[] filter = new long[1 << (FILTER_BITS - 6)];
    private final int[] start;        // the literals of slot s are ids[start[s]] … ids[start[s + 1] - 1]
    private final int[] ids;
    private final char[][] literals;  // folded
    private final int[] gramEnd;      // where its trigram ends inside each literal
    private final int shift;

    private GramIndex(long[] grams, char[][] literals, int[] gramEnd) {
        this.literals = literals;
        this.gramEnd = gramEnd;
        long distinct = java.util.Arrays.stream(grams).distinct().count();
        int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(distinct * 2)); // direct-mapped: a shared slot only costs a check
        this.shift = 64 - bits;
        int slots = 1 << bits;
        this.start = new int[slots + 1];
        for (long g : grams) start[slot(g, shift) + 1]++;
        for (int s = 0; s < slots; s++) start[s + 1] += start[s];
        this.ids = new int[grams.length];
        int[] next = java.util.Arrays.copyOf(start, slots);
        for (int li = 0; li < grams.length; li++) ids[next[slot(grams[li], shift)]++] = li;
        for (long g : grams) filter[filterBit(g) >>> 6] |= 1L << filterBit(g);
    }

    /** @param folded literals already folded, each at least {@link #Q} chars; their index is what searches report */
    static GramIndex of(List<String> folded) {
        Map<Long, Integer> shared = new HashMap<>(); // trigram → how many literals contain it
        for (String l : folded) {
            if (l.length() < Q) throw new IllegalArgumentException("shorter than " + Q + " chars: " + l);
            java.util.Set<Long> own = new java.util.HashSet<>();
            for (int i = Q - 1; i < l.length(); i++) own.add(key(l, i));
            for (Long k : own) shared.merge(k, 1, Integer::sum);
        }
        int n = folded.size();
        int[] gramEnd = new int[n];
        long[] grams = new long[n];
        for (int li = 0; li < n; li++) {
            String l = folded.get(li);
            int best = Q - 1;
            for (int i = Q; i < l.length(); i++) if (shared.get(key(l, i)) < shared.get(key(l, best))) best = i;
            gramEnd[li] = best;
            grams[li] = key(l, best);
        }
        return new GramIndex(grams, folded.stream().map(String::toCharArray).toArray(char[][]::new), gramEnd);
    }

    private static long key(String folded, int end) {
        return (long) folded.charAt(end - 2) << 32 | (long) folded.charAt(end - 1) << 16 | folded.charAt(end);
    }

    private static int slot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private static int filterBit(long key) {
        return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> (64 - FILTER_BITS));
    }

    /** Reports every literal occurring in the (unfolded) text. */
    void find(String text, Found out) {
        long k = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            k = (k << 16 | LiteralAutomaton.fold(text.charAt(i))) & 0xFFFF_FFFF_FFFFL;
            if (i < Q - 1) continue;
            int b = filterBit(k);
            if ((filter[b >>> 6] & (1L << b)) == 0) continue;
            int s = slot(k, shift);
            for (int j = start[s], end = start[s + 1]; j < end; j++) {
                int li = ids[j];
                if (occursAt(text, i - gramEnd[li], literals[li])) out.literal(li);
            }
        }
    }

    private static boolean occursAt(String text, int start, char[] literal) {
        if (start < 0 || start + literal.length > text.length()) return false;
        for (int j = 0; j < literal.length; j++) if (LiteralAutomaton.fold(text.charAt(start + j)) != literal[j]) return false;
        return true;
    }
}
