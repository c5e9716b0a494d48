package kahu.detect.ioc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A comparison expression under one binding of object types to objects, and object-path resolution. */
final class ComparisonHolds {
    private ComparisonHolds() {}

    static boolean eval(Comparison c, Map<String, Map<String, Object>> binding, Observation o) {
        return switch (c) {
            case Comparison.And(Comparison l, Comparison r) -> eval(l, binding, o) && eval(r, binding, o);
            case Comparison.Or(Comparison l, Comparison r) -> eval(l, binding, o) || eval(r, binding, o);
            case Comparison.Exists(ObjectPath path, boolean negated) -> {
                Map<String, Object> obj = binding.get(path.objectType());
                boolean exists = obj != null && !resolve(obj, path, o).isEmpty();
                yield exists != negated;
            }
            case Comparison.Test(ObjectPath path, Comparison.Operator op, boolean negated, Constant constant) -> {
                Map<String, Object> obj = binding.get(path.objectType());
                if (obj == null) yield false; // a missing object or property makes any comparison false, NOT included
                boolean hashes = path.steps().stream().anyMatch(s -> s instanceof ObjectPath.Property(String n) && n.equals("hashes"));
                for (Object v : resolve(obj, path, o)) {
                    if (ValueTests.test(v, op, constant, hashes) != negated) yield true;
                }
                yield false;
            }
        };
    }

    /** Every value the path reaches ([*] fans out; {@code _ref}/{@code _refs} followed inside the observation). */
    static List<Object> resolve(Map<String, Object> obj, ObjectPath path, Observation o) {
        List<Object> out = new ArrayList<>(1);
        walk(obj, path.steps(), 0, o, out);
        return out;
    }

    private static void walk(Object current, List<ObjectPath.Step> steps, int k, Observation o, List<Object> out) {
        if (current == null) return;
        if (k == steps.size()) {
            out.add(current);
            return;
        }
        switch (steps.get(k)) {
            case ObjectPath.Property(String name) -> {
                if (!(current instanceof Map<?, ?> m)) return;
                Object v = property(m, name);
                boolean more = k + 1 < steps.size();
                if (more && name.endsWith("_ref") && v instanceof String id) v = o.objects().get(id);
                if (more && name.endsWith("_refs") && v instanceof List<?> ids) {
                    List<Object> deref = new ArrayList<>();
                    for (Object id : ids) deref.add(o.objects().get(String.valueOf(id)));
                    v = deref;
                }
                walk(v, steps, k + 1, o, out);
            }
            case ObjectPath.Index(int index) -> {
                if (current instanceof List<?> l && index < l.size()) walk(l.get(index), steps, k + 1, o, out);
            }
            case ObjectPath.AnyIndex() -> {
                if (current instanceof List<?> l) for (Object e : l) walk(e, steps, k + 1, o, out);
            }
        }
    }

    /** Exact key, else hash-name spelling variants ('SHA-256' vs 'sha256'), which feeds mix freely. */
    private static Object property(Map<?, ?> m, String name) {
        Object v = m.get(name);
        if (v != null) return v;
        String want = canonical(name);
        for (Map.Entry<?, ?> e : m.entrySet()) if (canonical(String.valueOf(e.getKey())).equals(want)) return e.getValue();
        return null;
    }

    private static String canonical(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
