package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of many case-folded literals (three chars or longer) occur in a text, for the rule
 * prefilter. Each literal is indexed under one of its trigrams, the one fewest other literals
 * share; a pass over the text folds each char ({@link LiteralAutomaton#fold}, as {@link Folded}
 * does), keeps the last three in a rolling key and probes an open-addressing table, so a text
 * costs one multiply-shift and one array probe per char whatever the number of literals. A hit
 * is verified against the literal before it is reported. A 64-kbit filter of the trigrams in use
 * (8 kB, in L1) answers most probes before the table (hundreds of kB for thousands of literals)
 * is touched.
 *
 * <p>Replaced the Aho-Corasick automaton in the prefilter: its sparse states (tens of thousands
 * for the command-line and hash literals of process creation rules) cost a search of the state's
 * keys and failure links per char. Any chars, not only ASCII, since both sides are folded alike.
 * Immutable; searching allocates nothing.
 */
final class GramIndex {
    static final int Q = 3;
    private static final long SEEN = 1L << 48; // marks a full key: no key is 0, the empty slot

    /** What a search reports: the index of a literal found (possibly more than once). */
    interface Found {
        void literal(int index);
    }

    private static final int FILTER_BITS = 16;

    private final long[] filter = new long[1 << (FILTER_BITS - 6)];
    private final long[] keys;
    private final int[][] literalsAt; // the literal indices indexed under each slot's trigram
    private final char[][] literals;  // folded
    private final int[] gramEnd;      // where its trigram ends inside each literal
    private final int shift;

    private GramIndex(long[] keys, int[][] literalsAt, char[][] literals, int[] gramEnd, int shift) {
        this.keys = keys;
        this.literalsAt = literalsAt;
        this.literals = literals;
        this.gramEnd = gramEnd;
        this.shift = shift;
        for (long k : keys) if (k != 0) filter[filterBit(k) >>> 6] |= 1L << filterBit(k);
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
        Map<Long, List<Integer>> bySlotKey = new HashMap<>();
        for (int li = 0; li < n; li++) {
            String l = folded.get(li);
            int best = Q - 1;
            for (int i = Q; i < l.length(); i++) if (shared.get(key(l, i)) < shared.get(key(l, best))) best = i;
            gramEnd[li] = best;
            bySlotKey.computeIfAbsent(key(l, best), k -> new ArrayList<>()).add(li);
        }
        int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(bySlotKey.size() * 4L)); // load ≤ 1/4: misses end at once
        long[] keys = new long[1 << bits];
        int[][] literalsAt = new int[1 << bits][];
        int shift = 64 - bits;
        bySlotKey.forEach((k, ls) -> {
            int s = slot(k, shift);
            while (keys[s] != 0) s = (s + 1) & (keys.length - 1);
            keys[s] = k;
            literalsAt[s] = ls.stream().mapToInt(Integer::intValue).toArray();
        });
        char[][] chars = folded.stream().map(String::toCharArray).toArray(char[][]::new);
        return new GramIndex(keys, literalsAt, chars, gramEnd, shift);
    }

    private static long key(String folded, int end) {
        return SEEN | (long) folded.charAt(end - 2) << 32 | (long) folded.charAt(end - 1) << 16 | folded.charAt(end);
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
        int mask = keys.length - 1;
        for (int i = 0, n = text.length(); i < n; i++) {
            k = (k << 16 | LiteralAutomaton.fold(text.charAt(i))) & 0xFFFF_FFFF_FFFFL;
            if (i < Q - 1) continue;
            long key = k | SEEN;
            int b = filterBit(key);
            if ((filter[b >>> 6] & (1L << b)) == 0) continue;
            for (int s = slot(key, shift); keys[s] != 0; s = (s + 1) & mask) {
                if (keys[s] != key) continue;
                for (int li : literalsAt[s]) if (occursAt(text, i - gramEnd[li], literals[li])) out.literal(li);
                break;
            }
        }
    }

    private static boolean occursAt(String text, int start, char[] literal) {
        if (start < 0 || start + literal.length > text.length()) return false;
        for (int j = 0; j < literal.length; j++) if (LiteralAutomaton.fold(text.charAt(start + j)) != literal[j]) return false;
        return true;
    }
}
