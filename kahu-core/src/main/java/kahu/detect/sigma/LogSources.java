package kahu.detect.sigma;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which events a rule's log source applies to, from the data file
 * {@code kahu/detect/sigma/logsources.yaml}: Windows services and categories become channels and
 * event IDs (with field renames, e.g. Security 4688's {@code NewProcessName} for {@code Image});
 * other logs are keyed by their reader's format.
 */
public final class LogSources {
    /** Windows events of any channel: for Windows rules whose service/category has no mapping. */
    public static final String WINDOWS_ANY = "windows:any";

    /**
     * Events a rule applies to: a Windows channel ({@code channel} set) or a key such as
     * {@code category:webserver}; {@code eventIds} null means any event ID.
     */
    public record Target(String channel, String key, Set<Long> eventIds, Map<String, String> fields) {}

    private final Map<String, List<Target>> services = new LinkedHashMap<>();
    private final Map<String, List<Target>> categories = new LinkedHashMap<>();
    private final Map<String, List<String>> formats = new LinkedHashMap<>();
    private final Map<String, Set<String>> webserverAliases = new LinkedHashMap<>();
    private final Map<String, String> ecsSystem = new LinkedHashMap<>();
    private String ecsEventDataPrefix = "";

    private static final LogSources STANDARD = load();

    public static LogSources standard() {
        return STANDARD;
    }

    @SuppressWarnings("unchecked")
    private static LogSources load() {
        try (InputStream in = LogSources.class.getResourceAsStream("logsources.yaml")) {
            if (in == null) throw new IllegalStateException("logsources.yaml missing from the classpath");
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            LogSources ls = new LogSources();
            Map<String, Object> windows = (Map<String, Object>) root.get("windows");
            ((Map<String, Object>) windows.get("services")).forEach((k, v) -> {
                List<String> channels = v instanceof Map<?, ?> m ? (List<String>) m.get("channels") : (List<String>) v;
                Map<String, String> fields = v instanceof Map<?, ?> m && m.get("fields") != null ? (Map<String, String>) m.get("fields") : Map.of();
                ls.services.put(k, channels.stream().map(c -> new Target(c, null, null, Map.copyOf(fields))).toList());
            });
            ((Map<String, List<Map<String, Object>>>) windows.get("categories")).forEach((k, v) -> {
                List<Target> targets = new ArrayList<>();
                for (Map<String, Object> t : v) {
                    Set<Long> ids = new LinkedHashSet<>();
                    for (Object id : (List<Object>) t.get("eventids")) ids.add(((Number) id).longValue());
                    Map<String, String> fields = (Map<String, String>) t.getOrDefault("fields", Map.of());
                    targets.add(new Target((String) t.get("channel"), null, Set.copyOf(ids), Map.copyOf(fields)));
                }
                ls.categories.put(k, List.copyOf(targets));
            });
            ((Map<String, List<String>>) root.get("formats")).forEach((k, v) -> ls.formats.put(k, List.copyOf(v)));
            ((Map<String, Map<String, String>>) root.get("webserver_fields")).values().forEach(m -> m.forEach(
                    (sigma, own) -> ls.webserverAliases.computeIfAbsent(sigma.toLowerCase(Locale.ROOT), x -> new LinkedHashSet<>()).add(own)));
            Map<String, Object> ecs = (Map<String, Object>) root.get("ecs_windows");
            ls.ecsSystem.putAll((Map<String, String>) ecs.get("system"));
            ls.ecsEventDataPrefix = (String) ecs.get("event_data_prefix");
            return ls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The targets of a log source; a note explains a fallback. */
    List<Target> targets(LogSource s, CompileContext cx) {
        String product = lower(s.product()), category = lower(s.category()), service = lower(s.service());
        boolean windows = "windows".equals(product) || (product == null && (services.containsKey(service) || categories.containsKey(category)));
        if (windows) {
            if (service != null && services.containsKey(service)) {
                return services.get(service);
            }
            if (category != null && categories.containsKey(category)) return categories.get(category);
            if (service != null || category != null) {
                cx.note("Windows log source '" + s + "' has no channel mapping; the rule is tried on every Windows event");
            }
            return List.of(new Target(null, WINDOWS_ANY, null, Map.of()));
        }
        String key = category != null ? "category:" + category : product != null ? "product:" + product
                : service != null ? "service:" + service : null;
        if (key == null) {
            cx.problem("logsource names no product, category or service");
            return List.of();
        }
        return List.of(new Target(null, key, null, Map.of()));
    }

    /** Names to look a rule's field up by: its own, then the names its log sources use for it. */
    String[] fieldNames(String field, List<Target> targets, LogSource s) {
        Set<String> names = new LinkedHashSet<>();
        if (s != null && "webserver".equalsIgnoreCase(s.category())) {
            // Reader names first: cs-uri (the whole request target) must win over cs-uri-query.
            names.addAll(webserverAliases.getOrDefault(field.toLowerCase(Locale.ROOT), Set.of()));
        }
        names.add(field);
        boolean windows = false;
        for (Target t : targets) {
            String own = t.fields().get(field);
            if (own != null) names.add(own);
            windows |= t.channel() != null || WINDOWS_ANY.equals(t.key());
        }
        if (windows) { // the same event as a Winlogbeat/ECS document
            for (String n : List.copyOf(names)) names.add(ecsSystem.getOrDefault(n, ecsEventDataPrefix + n));
        }
        return names.toArray(String[]::new);
    }

    /** The channel field's name in Winlogbeat/ECS documents. */
    String ecsChannel() {
        return ecsSystem.get("Channel");
    }

    /** The event ID field's name in Winlogbeat/ECS documents. */
    String ecsEventId() {
        return ecsSystem.get("EventID");
    }

    /** The non-Windows keys an event of this reader format satisfies. */
    List<String> keysOfFormat(String format) {
        return formats.getOrDefault(format == null ? "" : format.toLowerCase(Locale.ROOT), List.of());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
