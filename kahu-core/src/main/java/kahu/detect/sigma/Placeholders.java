package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/** {@code expand}: replaces each {@code %name%} by every value the placeholder map gives for it. */
final class Placeholders {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("%([A-Za-z0-9_.-]+)%");

    private Placeholders() {}

    static List<String> expand(String value, CompileContext cx) {
        List<String> out = new ArrayList<>(List.of(value));
        for (MatchResult m : NAME.matcher(value).results().toList()) {
            List<String> values = cx.placeholders.getOrDefault(m.group(1), List.of());
            if (values.isEmpty()) cx.note("placeholder %" + m.group(1) + "% has no values");
            List<String> next = new ArrayList<>();
            for (String o : out) for (String v : values) next.add(o.replace(m.group(), v));
            out = next;
        }
        return out;
    }
}
