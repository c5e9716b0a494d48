package kahu.detect.ioc;

import kahu.ingest.Event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that says which event field feeds which STIX object path, so a pattern written for
 * observed data also runs over logs. Fields are looked up in the ECS-normalised view first, then among
 * the log's own names (IIS {@code c-ip}, Sysmon {@code Hashes}, …).
 */
public final class EventObjects {
    private EventObjects() {}

    /** Addresses: each distinct value becomes its own ipv4-addr / ipv6-addr object (chosen by a ':' in it). */
    private static final List<String> ADDRESS_FIELDS = List.of(
            "source.ip", "destination.ip", "client.ip", "server.ip", // ECS
            "c-ip", "s-ip", "ClientIpAddress", "ServerIpAddress", "SourceIp", "DestinationIp", // IIS, Exchange, Sysmon
            "IpAddress", "X-Forwarded-For");

    /** Names of hosts the event talked to (not the host that logged it). */
    private static final List<String> DOMAIN_FIELDS = List.of(
            "url.domain", "dns.question.name", "destination.domain", "cs-host", "QueryName", "DestinationHostname");

    private static final List<String> URL_FIELDS = List.of("url.original", "url.full", "cs-referer", "http.request.referrer");
    private static final List<String> EMAIL_FIELDS = List.of(
            "email.from.address", "email.to.address", "email.sender.address", "user.email", "SenderAddress", "RecipientAddress");

    /** Single objects: STIX property ← candidate fields, first present wins. */
    private static final Map<String, Map<String, List<String>>> SINGLE = Map.of(
            "file", Map.of(
                    "name", List.of("file.name"), // else the last part of x_path, below
                    "x_path", List.of("file.path", "TargetFilename", "Image")),
            "user-account", Map.of(
                    "user_id", List.of("user.name", "cs-username", "TargetUserName", "User"),
                    "account_login", List.of("user.name", "cs-username", "TargetUserName", "User")),
            "network-traffic", Map.of(
                    "dst_port", List.of("destination.port", "s-port", "DestinationPort"),
                    "src_port", List.of("source.port", "SourcePort")),
            "process", Map.of(
                    "command_line", List.of("process.command_line", "CommandLine"),
                    "name", List.of("process.name"),
                    "pid", List.of("process.pid", "ProcessId")),
            "windows-registry-key", Map.of("key", List.of("registry.path", "registry.key", "TargetObject")));

    /** ECS hash fields and their STIX hash names; Sysmon's {@code Hashes} field ("SHA256=…,MD5=…") is split too. */
    private static final Map<String, String> HASH_FIELDS = Map.of(
            "file.hash.md5", "MD5", "file.hash.sha1", "SHA-1", "file.hash.sha256", "SHA-256",
            "process.hash.md5", "MD5", "process.hash.sha1", "SHA-1", "process.hash.sha256", "SHA-256");
    private static final String SYSMON_HASHES = "Hashes";

    /**
     * The fields {@link EventIndicators} looks indicators up in, lower-cased, with what each can hold: the same
     * fields the observation takes its addresses, domains, URLs, e-mail addresses, file names, paths and hashes from.
     */
    static Map<String, FieldRole> indicatorFields() {
        Map<String, FieldRole> roles = new java.util.HashMap<>();
        ADDRESS_FIELDS.forEach(f -> roles.put(f, FieldRole.ADDRESS));
        DOMAIN_FIELDS.forEach(f -> roles.put(f, FieldRole.DOMAIN));
        URL_FIELDS.forEach(f -> roles.put(f, FieldRole.URL));
        EMAIL_FIELDS.forEach(f -> roles.put(f, FieldRole.EMAIL));
        SINGLE.get("file").get("name").forEach(f -> roles.put(f, FieldRole.FILE_NAME));
        SINGLE.get("file").get("x_path").forEach(f -> roles.put(f, FieldRole.FILE_PATH));
        HASH_FIELDS.keySet().forEach(f -> roles.put(f, FieldRole.HASH));
        roles.put(SYSMON_HASHES, FieldRole.HASH_LIST);
        Map<String, FieldRole> lower = new java.util.HashMap<>();
        roles.forEach((f, r) -> lower.put(f.toLowerCase(Locale.ROOT), r));
        return Map.copyOf(lower);
    }

    /** The event as one observation at its timestamp (the epoch when the log has none). */
    public static Observation observation(Event e) {
        Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
        for (String f : ADDRESS_FIELDS) {
            String v = text(e, f);
            if (v != null && !v.isBlank() && !v.equals("-")) {
                String ip = v.strip();
                String type = ip.indexOf(':') >= 0 && ip.indexOf('.') < 0 ? "ipv6-addr" : "ipv4-addr";
                objects.putIfAbsent(type + "--" + ip, object(type, "value", ip));
            }
        }
        distinctValues(e, DOMAIN_FIELDS, "domain-name", objects);
        distinctValues(e, URL_FIELDS, "url", objects);
        distinctValues(e, EMAIL_FIELDS, "email-addr", objects);
        SINGLE.forEach((type, props) -> {
            Map<String, Object> obj = new LinkedHashMap<>();
            props.forEach((prop, fields) -> {
                Object v = value(e, fields);
                if (v != null) obj.put(prop, v);
            });
            if (type.equals("file")) addHashes(e, obj);
            if (type.equals("file") && !obj.containsKey("name") && obj.get("x_path") instanceof String p) {
                obj.put("name", p.substring(Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/')) + 1));
            }
            if (!obj.isEmpty()) {
                obj.put("type", type);
                objects.put(type + "--event", obj);
            }
        });
        Instant t = e.timestamp() != null ? e.timestamp() : Instant.EPOCH;
        return Observation.at(t, objects);
    }

    private static void addHashes(Event e, Map<String, Object> file) {
        Map<String, Object> hashes = new LinkedHashMap<>();
        HASH_FIELDS.forEach((field, name) -> {
            String v = text(e, field);
            if (v != null) hashes.put(name, v);
        });
        String sysmon = text(e, SYSMON_HASHES);
        if (sysmon != null) {
            for (String part : sysmon.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) hashes.putIfAbsent(hashName(part.substring(0, eq).strip()), part.substring(eq + 1).strip());
            }
        }
        if (!hashes.isEmpty()) file.put("hashes", hashes);
    }

    private static String hashName(String sysmonName) {
        return switch (sysmonName.toUpperCase(Locale.ROOT)) {
            case "SHA256" -> "SHA-256";
            case "SHA1" -> "SHA-1";
            default -> sysmonName.toUpperCase(Locale.ROOT);
        };
    }

    private static void distinctValues(Event e, List<String> fields, String type, Map<String, Map<String, Object>> objects) {
        for (String f : fields) {
            String v = text(e, f);
            if (v != null && !v.isBlank() && !v.equals("-")) objects.putIfAbsent(type + "--" + v, object(type, "value", v));
        }
    }

    private static Map<String, Object> object(String type, String prop, Object value) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put(prop, value);
        return o;
    }

    private static Object value(Event e, List<String> fields) {
        for (String f : fields) {
            Object v = e.normalized().get(f);
            if (v == null) v = e.get(f);
            if (v != null && !"-".equals(v)) return v instanceof String s && s.chars().allMatch(Character::isDigit) && !s.isEmpty() && s.length() < 10
                    && (f.endsWith("port") || f.endsWith("pid") || f.endsWith("Port") || f.endsWith("Id")) ? Long.parseLong(s) : v;
        }
        return null;
    }

    private static String text(Event e, String field) {
        Object v = e.normalized().get(field);
        if (v == null) v = e.get(field);
        return v == null ? null : String.valueOf(v);
    }
}
