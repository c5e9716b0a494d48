package kahu.detect.sigma;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The event IDs a detection can only match, when its tree says so (e.g. {@code EventID: 4624} in an AND). */
final class EventIds {
    private EventIds() {}

    /** The required IDs, or null when the detection may match any ID. */
    static Set<Long> required(Matcher m) {
        return switch (m) {
            case Matcher.Field f when f.names()[0].equals("EventID") && !f.all() -> literalIds(f.tests());
            case Matcher.And(List<Matcher> all) -> {
                Set<Long> found = null;
                for (Matcher c : all) {
                    Set<Long> s = required(c);
                    if (s != null) {
                        if (found == null) found = new HashSet<>(s);
                        else found.retainAll(s);
                    }
                }
                yield found;
            }
            case Matcher.Or(List<Matcher> any) -> {
                Set<Long> union = new HashSet<>();
                for (Matcher c : any) {
                    Set<Long> s = required(c);
                    if (s == null) yield null;
                    union.addAll(s);
                }
                yield union;
            }
            default -> null;
        };
    }

    private static Set<Long> literalIds(List<ValueTest> tests) {
        Set<Long> ids = new HashSet<>();
        for (ValueTest t : tests) {
            if (!(t instanceof ValueTest.Literal(String text, ValueTest.Position p, boolean c, var _)) || p != ValueTest.Position.EQUALS) return null;
            try {
                ids.add(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ids;
    }
}
