package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of many case-folded literals (three chars or longer) occur in a text, for the rule
 * prefilter. Each literal is indexed under one of its grams, the one fewest other literals share:
 * a 6-gram for literals of six chars or more, else a trigram. A pass over the text folds each char
 * ({@link LiteralAutomaton#fold}, as {@link Folded} does), keeps the last eight (low byte of
 * each) in a rolling key and checks, for each gram length, a filter of the grams in use (about
 * 256 bits a gram, at most 64 kbit = 8 kB: it stays in the L1 cache and answers most chars);
 * only then is the direct-mapped table of literals looked at, and each literal there is compared
 * with the text before it is reported.
 * Grams that share a hash or a low byte are only an extra comparison.
 *
 * <p>Replaced the Aho-Corasick automaton in the prefilter: its sparse states (tens of thousands
 * for the command-line and hash literals of process creation rules) cost a search of the state's
 * keys and failure links per char. The 6-grams are there for the thousands of hash literals
 * ({@code IMPHASH=…}): their trigrams are hex, and nearly every trigram of a hash or GUID value
 * was one of them. Any chars, not only ASCII, since both sides are folded alike. Immutable;
 * searching allocates nothing.
 */
final class GramIndex {
    static final int Q = 3;
    static final int LONG_Q = 6;

    /** What a search reports: the index of a literal found (possibly more than once). */
    interface Found {
        void literal(int index);
    }

    /** The literals indexed by grams of one length. */
    private static final class Level {
        private static final int MAX_FILTER_BITS = 16, MIN_FILTER_BITS = 9;
        final long mask;
        final long[] filter;
        final int filterShift;
        final int[] start; // the literals of slot s are ids[start[s]] … ids[start[s + 1] - 1]
        final int[] ids;
        final int shift;

        Level(int q, List<Long> grams, List<Integer> literalIds) {
            this.mask = q == 8 ? -1L : (1L << (8 * q)) - 1;
            long distinct = grams.stream().distinct().count();
            // About 256 filter bits per gram, at most 64 kbit: a field's own index is often a few
            // dozen literals, and then well under 1 % of its filter is set (a filter pass costs a
            // table look-up and a comparison; measured: 16 bits a gram made the reports 40 % of
            // the prefilter, 256 bits a fifth less prefilter time). A large index stays at 64 kbit.
            int filterBits = Math.clamp(64 - Long.numberOfLeadingZeros(distinct * 256), MIN_FILTER_BITS, MAX_FILTER_BITS);
            this.filter = new long[1 << (filterBits - 6)];
            this.filterShift = 64 - filterBits;
            int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(distinct * 2)); // direct-mapped: a shared slot only costs a check
            this.shift = 64 - bits;
            int slots = 1 << bits;
            this.start = new int[slots + 1];
            for (long g : grams) start[slot(g) + 1]++;
            for (int s = 0; s < slots; s++) start[s + 1] += start[s];
            this.ids = new int[grams.size()];
            int[] next = java.util.Arrays.copyOf(start, slots);
            for (int i = 0; i < grams.size(); i++) ids[next[slot(grams.get(i))]++] = literalIds.get(i);
            for (long g : grams) filter[filterBit(g) >>> 6] |= 1L << filterBit(g);
        }

        int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        }

        int filterBit(long key) {
            return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> filterShift);
        }

        boolean mayHave(long key) {
            int b = filterBit(key);
            return (filter[b >>> 6] & (1L << b)) != 0;
        }
    }

    private final Level shortGrams, longGrams; // null when no literal uses them
    private final char[][] literals;            // folded
    private final int[] gramEnd;                // where its gram ends inside each literal

    private GramIndex(Level shortGrams, Level longGrams, char[][] literals, int[] gramEnd) {
        this.shortGrams = shortGrams;
        this.longGrams = longGrams;
        this.literals = literals;
        this.gramEnd = gramEnd;
    }

    /** @param folded literals already folded, each at least {@link #Q} chars; their index is what searches report */
    static GramIndex of(List<String> folded) {
        Map<Long, Integer> shared = new HashMap<>(); // gram (tagged with its length) → how many literals contain it
        for (String l : folded) {
            if (l.length() < Q) throw new IllegalArgumentException("shorter than " + Q + " chars: " + l);
            Set<Long> own = new HashSet<>();
            int q = gramLength(l);
            for (int i = q - 1; i < l.length(); i++) own.add(tagged(key(l, i, q), q));
            for (Long k : own) shared.merge(k, 1, Integer::sum);
        }
        int n = folded.size();
        int[] gramEnd = new int[n];
        List<Long> shortKeys = new ArrayList<>(), longKeys = new ArrayList<>();
        List<Integer> shortIds = new ArrayList<>(), longIds = new ArrayList<>();
        for (int li = 0; li < n; li++) {
            String l = folded.get(li);
            int q = gramLength(l), best = q - 1;
            for (int i = q; i < l.length(); i++) {
                if (shared.get(tagged(key(l, i, q), q)) < shared.get(tagged(key(l, best, q), q))) best = i;
            }
            gramEnd[li] = best;
            (q == LONG_Q ? longKeys : shortKeys).add(key(l, best, q));
            (q == LONG_Q ? longIds : shortIds).add(li);
        }
        return new GramIndex(shortKeys.isEmpty() ? null : new Level(Q, shortKeys, shortIds),
                longKeys.isEmpty() ? null : new Level(LONG_Q, longKeys, longIds),
                folded.stream().map(String::toCharArray).toArray(char[][]::new), gramEnd);
    }

    private static int gramLength(String literal) {
        return literal.length() >= LONG_Q ? LONG_Q : Q;
    }

    /** The gram of {@code q} chars ending at {@code end}, a byte per char as the search keeps them. */
    private static long key(String folded, int end, int q) {
        long k = 0;
        for (int i = end - q + 1; i <= end; i++) k = k << 8 | (folded.charAt(i) & 0xFF);
        return k;
    }

    private static long tagged(long key, int q) {
        return key ^ ((long) q << 56);
    }

    /** Reports every literal occurring in the (unfolded) text. */
    void find(String text, Found out) {
        long k = 0;
        Level s = shortGrams, l = longGrams;
        for (int i = 0, n = text.length(); i < n; i++) {
            k = k << 8 | (LiteralAutomaton.fold(text.charAt(i)) & 0xFF);
            if (s != null && i >= Q - 1 && s.mayHave(k & s.mask)) report(s, k & s.mask, text, i, out);
            if (l != null && i >= LONG_Q - 1 && l.mayHave(k & l.mask)) report(l, k & l.mask, text, i, out);
        }
    }

    private void report(Level level, long key, String text, int i, Found out) {
        int s = level.slot(key);
        for (int j = level.start[s], end = level.start[s + 1]; j < end; j++) {
            int li = level.ids[j];
            if (occursAt(text, i - gramEnd[li], literals[li])) out.literal(li);
        }
    }

    private static boolean occursAt(String text, int start, char[] literal) {
        if (start < 0 || start + literal.length > text.length()) return false;
        for (int j = 0; j < literal.length; j++) if (LiteralAutomaton.fold(text.charAt(start + j)) != literal[j]) return false;
        return true;
    }
}
