package kahu.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of one {@link StixReader#read} call: where objects and problems go, the bundle's
 * declared spec version, and the ids seen so far (for duplicate detection within the read).
 */
final class ReadRun {
    private final String source;
    private final Consumer<ReadObject> objects;
    private final Consumer<StixProblem> problems;
    /** id + modified → content hash; the hash (not the tree) is kept so memory stays small. */
    private final Map<String, Integer> seen = new HashMap<>();
    private String bundleSpec;

    ReadRun(String source, Consumer<ReadObject> objects, Consumer<StixProblem> problems) {
        this.source = source;
        this.objects = objects;
        this.problems = problems;
    }

    void bundleSpec(String spec) {
        this.bundleSpec = spec;
    }

    void problem(long line, String id, String message) {
        problems.accept(new StixProblem(source, line, id, message));
    }

    /** Checks, upgrades and delivers one object; reports it instead when it cannot be used. */
    void accept(ObjectNode o, long line) {
        String type = text(o, "type");
        String id = text(o, "id");
        if (type == null) {
            problem(line, id, "object has no 'type'; skipped");
            return;
        }
        if (!StixTypes.isAccepted(type)) {
            problem(line, id, "unknown type '" + type + "' (not STIX 2.1 and not an x- custom type); skipped");
            return;
        }
        boolean upgraded = false;
        String spec = o.has("spec_version") ? text(o, "spec_version") : null;
        if (spec == null && o.has("spec_version")) {
            problem(line, id, "spec_version must be a string; skipped");
            return;
        }
        if (spec == null) {
            if (StixTypes.isObservable(type)) {
                spec = "2.1"; // 2.1 observables may omit spec_version; 2.0 had no top-level observables
            } else if (bundleSpec == null || bundleSpec.equals("2.0")) {
                spec = "2.0";
            } else {
                problem(line, id, "spec_version is missing in a bundle that declares \"" + bundleSpec + "\"; skipped");
                return;
            }
        }
        switch (spec) {
            case "2.1" -> {}
            case "2.0" -> {
                o = Stix20Upgrader.upgrade(o);
                upgraded = true;
            }
            default -> {
                problem(line, id, "spec_version \"" + spec + "\" is not supported (2.1 expected, 2.0 is upgraded); skipped");
                return;
            }
        }
        List<String> errors = StixValidator.validate(o);
        if (!errors.isEmpty()) {
            problem(line, id, "invalid " + type + ": " + String.join("; ", errors) + "; skipped");
            return;
        }
        if (isDuplicate(o, id, line)) return;
        objects.accept(new ReadObject(id, type, o, source, line, upgraded));
    }

    /** True when the object must not be delivered: an identical repeat (silent) or a conflicting one (reported). */
    private boolean isDuplicate(ObjectNode o, String id, long line) {
        String version = text(o, "modified");
        if (version == null) version = text(o, "created");
        String key = version == null ? id : id + ' ' + version;
        // JsonNode.hashCode is order-independent and content-based; a 32-bit collision between two
        // versions of one id with one modified time is the only way this could misjudge.
        Integer hash = o.hashCode();
        Integer earlier = seen.putIfAbsent(key, hash);
        if (earlier == null) return false;
        if (!earlier.equals(hash))
            problem(line, id, "duplicate id with the same modified time (" + version
                    + ") but different content; the first one read is kept; skipped");
        return true;
    }

    private static String text(JsonNode o, String p) {
        JsonNode v = o.get(p);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
