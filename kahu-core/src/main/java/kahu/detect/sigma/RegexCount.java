package kahu.detect.sigma;

import java.util.List;

/**
 * A char that every match of a regular expression holds at least {@code min} times: the required
 * runs of plain chars ({@link RegexLiteral#runs}) lie side by side in a match, so their counts add
 * up. For the rules that repeat one punctuation char ({@code \+.*\+.*…\+}: fourteen '+', the
 * PowerShell obfuscation rules' {@code `.*`.*`.*`.*`}) or need one that command lines seldom
 * hold ({@code \s-\s*<}), where the longest run alone is a single common or present char. Only
 * ASCII chars that are not letters: case-insensitive matching leaves them as they are. A value
 * with fewer is rejected by a few {@code indexOf} calls before re2j runs. Immutable.
 */
record RegexCount(char c, int min) {
    /** Punctuation that command lines and paths are full of: one of them is not worth a check. */
    private static final String COMMON = " \\/.:-_\"'=,";

    /** The char with the most required occurrences (an uncommon one on a tie), or null when no count is worth checking. */
    static RegexCount of(String re) {
        List<String> runs = RegexLiteral.runs(re);
        if (runs == null) return null;
        int[] counts = new int[128];
        for (String r : runs) {
            for (int i = 0; i < r.length(); i++) {
                char c = r.charAt(i);
                if (c < 128 && !Character.isLetter(c)) counts[c]++;
            }
        }
        char best = 0;
        for (char c = 1; c < 128; c++) {
            if (counts[c] == 0) continue;
            if (best == 0 || counts[c] > counts[best] || counts[c] == counts[best] && COMMON.indexOf(best) >= 0 && COMMON.indexOf(c) < 0) best = c;
        }
        if (best == 0 || counts[best] == 1 && COMMON.indexOf(best) >= 0) return null;
        return new RegexCount(best, counts[best]);
    }

    /** Whether the value holds the char at least {@code min} times. */
    boolean foundIn(String v) {
        int at = -1;
        for (int k = 0; k < min; k++) {
            at = v.indexOf(c, at + 1);
            if (at < 0) return false;
        }
        return true;
    }
}
