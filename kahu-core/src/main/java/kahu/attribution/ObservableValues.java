package kahu.attribution;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infrastructure and file-hash values, in the forms {@link EvidenceKind} documents, from STIX cyber
 * observables and from the simple equality comparisons of indicator patterns. The full STIX
 * patterning language (AND/OR, FOLLOWEDBY, qualifiers) is a later issue: here every
 * {@code object-type:path = 'literal'} is one observation, whatever surrounds it.
 */
final class ObservableValues {
    /** One value an observable or a pattern gives. */
    record Value(EvidenceKind kind, String value) {}

    // type:path = 'literal' (with \' and \\ escapes) or type:path = 123 (autonomous-system:number).
    private static final Pattern COMPARISON = Pattern.compile(
            "([a-z0-9][a-z0-9-]*):([A-Za-z0-9_.'\\-]+)\\s*=\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|(\\d+))");

    private ObservableValues() {}

    /** The values of one cyber observable object (ipv4-addr, domain-name, file, …); empty for other types. */
    static List<Value> ofObservable(String type, JsonNode o) {
        List<Value> out = new ArrayList<>();
        switch (type) {
            case "ipv4-addr", "ipv6-addr", "domain-name", "url" -> add(out, type, "value", BundleIndex.text(o, "value"));
            case "autonomous-system" -> add(out, type, "number", BundleIndex.text(o, "number"));
            case "x509-certificate", "file" -> {
                JsonNode hashes = o.get("hashes");
                if (hashes != null && hashes.isObject()) {
                    hashes.properties().forEach(h -> add(out, type, "hashes." + h.getKey(), h.getValue().asText()));
                }
            }
            default -> { }
        }
        return out;
    }

    /** The values of every equality comparison in a STIX pattern that names a supported observable path. */
    static List<Value> ofPattern(String pattern) {
        List<Value> out = new ArrayList<>();
        if (pattern == null) return out;
        Matcher m = COMPARISON.matcher(pattern);
        while (m.find()) {
            String literal = m.group(3) != null ? unescape(m.group(3)) : m.group(4);
            add(out, m.group(1), m.group(2).replace("'", ""), literal);
        }
        return out;
    }

    private static void add(List<Value> out, String type, String path, String literal) {
        if (literal == null || literal.isBlank()) return;
        Value v = value(type, path, literal.strip());
        if (v != null) out.add(v);
    }

    private static Value value(String type, String path, String literal) {
        String lower = literal.toLowerCase(Locale.ROOT);
        return switch (type + ":" + path) {
            case "ipv4-addr:value", "ipv6-addr:value" -> new Value(EvidenceKind.INFRASTRUCTURE, type + ":" + lower);
            // Domain names are case-insensitive and written with or without the root dot.
            case "domain-name:value" -> new Value(EvidenceKind.INFRASTRUCTURE,
                    "domain-name:" + (lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower));
            case "url:value" -> new Value(EvidenceKind.INFRASTRUCTURE, "url:" + literal);
            case "autonomous-system:number" -> new Value(EvidenceKind.INFRASTRUCTURE,
                    "autonomous-system:AS" + (lower.startsWith("as") ? literal.substring(2) : literal));
            default -> hash(type, path, lower);
        };
    }

    private static Value hash(String type, String path, String hex) {
        if (!path.startsWith("hashes.") || !hex.matches("[0-9a-f]+")) return null;
        String algorithm = path.substring("hashes.".length()).toUpperCase(Locale.ROOT).replace("-", "");
        if (type.equals("x509-certificate")) {
            return algorithm.equals("SHA1") ? new Value(EvidenceKind.INFRASTRUCTURE, "x509-sha1:" + hex) : null;
        }
        if (!type.equals("file")) return null;
        return switch (algorithm) {
            case "MD5" -> new Value(EvidenceKind.FILE_HASH, "md5:" + hex);
            case "SHA1" -> new Value(EvidenceKind.FILE_HASH, "sha1:" + hex);
            case "SHA256" -> new Value(EvidenceKind.FILE_HASH, "sha256:" + hex);
            default -> null;
        };
    }

    private static String unescape(String s) {
        return s.replace("\\'", "'").replace("\\\\", "\\");
    }
}
