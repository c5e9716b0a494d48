package kahu.detect.sigma;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over ASCII literals, case-insensitive as {@link String#regionMatches(boolean,
 * int, String, int, int)} is (a text char matches when its upper-then-lower case form equals the
 * literal's, which also folds 'ı', 'ſ' and the Kelvin sign onto ASCII). Written here rather than
 * taken from {@code org.ahocorasick}, which boxes every character into a hash-map lookup and
 * allocates a result per hit: measured in SigmaBench, that library was most of the matching time.
 * Searching allocates nothing. Immutable.
 */
final class LiteralAutomaton {
    private final int[] root = new int[128];
    private final char[][] keys;
    private final int[][] next;
    private final int[] fail;
    private final int[][] outputs; // literal indices ending at each state, failure chain included
    /**
     * When every literal holds a char that is rare in text (punctuation other than path and
     * option separators), the set of those chars: a text without any of them (folded) cannot
     * hold a literal, and one scan of it costs far less than stepping the automaton (the
     * DOSfuscation rule's {@code ^^}, {@code ;;;;}, {@code %COMSPEC:~} …). Null otherwise.
     */
    private final boolean[] anchors;

    private static final String COMMON = " \\/.:-_\"'=,";

    private LiteralAutomaton(char[][] keys, int[][] next, int[] fail, int[][] outputs, boolean[] anchors) {
        this.keys = keys;
        this.next = next;
        this.fail = fail;
        this.outputs = outputs;
        this.anchors = anchors;
        for (int i = 0; i < keys[0].length; i++) root[keys[0][i]] = next[0][i];
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** Folds a char the way case-insensitive {@code regionMatches} compares it; ≥ 128 means "no ASCII literal char". */
    static char fold(char c) {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c; // the hot path: no table lookups
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** @param literals non-empty ASCII strings; their index in this list is what searches report */
    static LiteralAutomaton of(List<String> literals) {
        List<StringBuilder> keyList = new ArrayList<>();
        List<List<Integer>> nextList = new ArrayList<>(), outList = new ArrayList<>();
        keyList.add(new StringBuilder());
        nextList.add(new ArrayList<>());
        outList.add(new ArrayList<>());
        for (int li = 0; li < literals.size(); li++) {
            String lit = literals.get(li);
            if (lit.isEmpty() || !isAscii(lit)) throw new IllegalArgumentException("not a non-empty ASCII literal: " + lit);
            int s = 0;
            for (int i = 0; i < lit.length(); i++) {
                char c = fold(lit.charAt(i));
                int at = keyList.get(s).indexOf(String.valueOf(c));
                if (at >= 0) {
                    s = nextList.get(s).get(at);
                } else {
                    int n = keyList.size();
                    keyList.add(new StringBuilder());
                    nextList.add(new ArrayList<>());
                    outList.add(new ArrayList<>());
                    keyList.get(s).append(c);
                    nextList.get(s).add(n);
                    s = n;
                }
            }
            outList.get(s).add(li);
        }
        int n = keyList.size();
        char[][] keys = new char[n][];
        int[][] next = new int[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = keyList.get(i).toString().toCharArray();
            next[i] = nextList.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        int[] fail = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : next[0]) queue.add(child);
        while (!queue.isEmpty()) { // breadth first: a state's failure is known before its children's
            int s = queue.poll();
            for (int i = 0; i < keys[s].length; i++) {
                int child = next[s][i];
                int f = fail[s];
                while (f != 0 && indexOf(keys[f], keys[s][i]) < 0) f = fail[f];
                int at = indexOf(keys[f], keys[s][i]);
                fail[child] = at >= 0 && next[f][at] != child ? next[f][at] : 0;
                outList.get(child).addAll(outList.get(fail[child]));
                queue.add(child);
            }
        }
        int[][] outputs = new int[n][];
        for (int i = 0; i < n; i++) outputs[i] = outList.get(i).stream().mapToInt(Integer::intValue).distinct().toArray();
        return new LiteralAutomaton(keys, next, fail, outputs, anchors(literals));
    }

    private static int indexOf(char[] keys, char c) {
        for (int i = 0; i < keys.length; i++) if (keys[i] == c) return i;
        return -1;
    }

    private int step(int s, char c) {
        char f = fold(c);
        if (f >= 128) return 0; // no literal char folds to it
        while (true) {
            if (s == 0) return root[f];
            int at = indexOf(keys[s], f);
            if (at >= 0) return next[s][at];
            s = fail[s];
        }
    }

    /** Whether any literal occurs in the text. */
    boolean containsAny(String text) {
        if (anchors != null && !hasAnchor(text)) return false;
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            s = step(s, text.charAt(i));
            if (outputs[s].length > 0) return true;
        }
        return false;
    }

    /** One rare char of each literal, or null when a literal has none. */
    private static boolean[] anchors(List<String> literals) {
        boolean[] set = new boolean[128];
        for (String l : literals) {
            int at = -1;
            for (int i = 0; i < l.length() && at < 0; i++) {
                char c = l.charAt(i);
                if (c < 128 && !Character.isLetterOrDigit(c) && COMMON.indexOf(c) < 0) at = i;
            }
            if (at < 0) return null;
            set[l.charAt(at)] = true; // not a letter: folding leaves it as it is
        }
        return set;
    }

    private boolean hasAnchor(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            // above ASCII, only a char whose fold is an anchor would do: check it (rare), never skip it
            if (c < 128 ? anchors[c] : fold(c) < 128 && anchors[fold(c)]) return true;
        }
        return false;
    }

    int states() {
        return keys.length;
    }

    @Override
    public String toString() {
        return "LiteralAutomaton[" + keys.length + " states, " + Arrays.stream(outputs).mapToInt(o -> o.length).max().orElse(0) + " max outputs]";
    }
}
