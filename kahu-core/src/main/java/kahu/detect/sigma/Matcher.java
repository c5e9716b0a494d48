package kahu.detect.sigma;

import kahu.ingest.Event;

import java.util.List;

/**
 * A compiled Sigma detection: an immutable tree evaluated against one event. Field names carry
 * their aliases from the log-source mapping (e.g. {@code Image} is {@code NewProcessName} in
 * Security 4688), the first one present in the event is used; each such name list has a slot in
 * {@link EventFields}, through which the tree reads the event.
 */
sealed interface Matcher {
    boolean matches(EventFields f);

    /** The plain path: nothing cached between reads. */
    default boolean matches(Event e) {
        return matches(EventFields.uncached(e));
    }

    record And(List<Matcher> all) implements Matcher {
        @Override
        public boolean matches(EventFields f) {
            for (int i = 0, n = all.size(); i < n; i++) if (!all.get(i).matches(f)) return false;
            return true;
        }
    }

    record Or(List<Matcher> any) implements Matcher {
        @Override
        public boolean matches(EventFields f) {
            for (int i = 0, n = any.size(); i < n; i++) if (any.get(i).matches(f)) return true;
            return false;
        }
    }

    record Not(Matcher inner) implements Matcher {
        @Override
        public boolean matches(EventFields f) {
            return !inner.matches(f);
        }
    }

    /** Always the same answer: e.g. an {@code expand} placeholder with no values cannot match. */
    record Const(boolean value, String why) implements Matcher {
        @Override
        public boolean matches(EventFields f) {
            return value;
        }
    }

    /** One field against its values: any value matches (or, with {@code all}, every one). */
    record Field(String[] names, List<ValueTest> tests, boolean all, int slot) implements Matcher {
        Field(String[] names, List<ValueTest> tests, boolean all) {
            this(names, tests, all, EventFields.slot(names));
        }

        @Override
        public boolean matches(EventFields f) {
            Object v = f.value(slot, names);
            if (v == null) return false;
            if (v instanceof String s) { // the common case: no per-test type dispatch
                String folded = f.folded(slot, s);
                if (all) {
                    for (int i = 0, n = tests.size(); i < n; i++) if (!tests.get(i).test(s, folded)) return false;
                    return true;
                }
                for (int i = 0, n = tests.size(); i < n; i++) if (tests.get(i).test(s, folded)) return true;
                return false;
            }
            if (all) {
                for (int i = 0, n = tests.size(); i < n; i++) if (!test(tests.get(i), v)) return false;
                return true;
            }
            for (int i = 0, n = tests.size(); i < n; i++) if (test(tests.get(i), v)) return true;
            return false;
        }

        static boolean test(ValueTest t, Object v) {
            // instanceof, not a pattern switch: this runs for every test of every candidate rule
            if (v instanceof String s) return t.test(s);
            if (v instanceof Long l) return t.testLong(l);
            if (v instanceof Integer i) return t.testLong(i);
            if (v instanceof List<?> list) {
                for (int i = 0, n = list.size(); i < n; i++) {
                    Object o = list.get(i);
                    if (o != null && test(t, o)) return true;
                }
                return false;
            }
            return t.test(String.valueOf(v));
        }
    }

    /** {@code field: null}: the field is absent or empty. */
    record IsNull(String[] names, int slot) implements Matcher {
        IsNull(String[] names) {
            this(names, EventFields.slot(names));
        }

        @Override
        public boolean matches(EventFields f) {
            Object v = f.value(slot, names);
            return v == null || (v instanceof String s && s.isEmpty());
        }
    }

    /** {@code field|exists: true/false}. */
    record Exists(String[] names, boolean expected, int slot) implements Matcher {
        Exists(String[] names, boolean expected) {
            this(names, expected, EventFields.slot(names));
        }

        @Override
        public boolean matches(EventFields f) {
            return (f.value(slot, names) != null) == expected;
        }
    }

    /** {@code field|fieldref: other}: the two fields hold equal values (case-insensitive unless cased). */
    record FieldRef(String[] names, String[] other, boolean cased, int slot, int otherSlot) implements Matcher {
        FieldRef(String[] names, String[] other, boolean cased) {
            this(names, other, cased, EventFields.slot(names), EventFields.slot(other));
        }

        @Override
        public boolean matches(EventFields f) {
            Object a = f.value(slot, names), b = f.value(otherSlot, other);
            if (a == null || b == null) return false;
            String x = String.valueOf(a), y = String.valueOf(b);
            return cased ? x.equals(y) : x.equalsIgnoreCase(y);
        }
    }

    /** A keyword (field-less) search: any value of any field. */
    record Keywords(List<ValueTest> tests, boolean all) implements Matcher {
        @Override
        public boolean matches(EventFields f) {
            if (all) {
                for (ValueTest t : tests) if (!anyField(f, t)) return false;
                return true;
            }
            for (ValueTest t : tests) if (anyField(f, t)) return true;
            return false;
        }

        private static boolean anyField(EventFields f, ValueTest t) {
            for (Object v : f.values()) {
                if (v instanceof String s ? t.test(s, f.folded(s)) : v != null && Field.test(t, v)) return true;
            }
            return false;
        }
    }

    /**
     * The value of the first name present, exactly; failing that, by a case-insensitive name as
     * {@link Event#get} does, but over the key set (no entry objects: this runs for every absent
     * field a rule tests).
     */
    static Object lookup(Event e, String[] names) {
        java.util.Map<String, Object> fields = e.fields();
        for (String n : names) {
            Object v = fields.get(n);
            if (v != null) return v;
        }
        long keys = FieldNames.of(fields);
        for (String n : names) {
            if ((keys & FieldNames.bit(n)) == 0) continue; // no key equal to n ignoring case
            for (String k : fields.keySet()) {
                if (k.length() == n.length() && k.equalsIgnoreCase(n)) return fields.get(k);
            }
        }
        return null;
    }

    /**
     * A 64-bit Bloom filter of an event's field names ignoring case, cached per thread for the
     * last event, so that a field absent from the event (the common case when a rule's field
     * is missing) is known absent without scanning its keys case-insensitively.
     */
    final class FieldNames {
        private static final ThreadLocal<FieldNames> LAST = ThreadLocal.withInitial(FieldNames::new);
        private java.util.Map<String, Object> fields;
        private long bits;

        private FieldNames() {}

        static long of(java.util.Map<String, Object> fields) {
            FieldNames f = LAST.get();
            if (f.fields != fields) {
                long b = 0;
                for (String k : fields.keySet()) b |= bit(k);
                f.bits = b;
                f.fields = fields;
            }
            return f.bits;
        }

        /** Two bits from a hash of the name folded as {@code equalsIgnoreCase} compares it. */
        static long bit(String s) {
            int h = s.length();
            for (int i = 0; i < s.length(); i++) h = 31 * h + LiteralAutomaton.fold(s.charAt(i));
            h *= 0x9E3779B9;
            return (1L << (h >>> 26)) | (1L << (h >>> 20));
        }
    }
}
