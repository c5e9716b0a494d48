package kahu.detect.ioc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MISP events ({@code {"Event": {...}}} as the REST API returns them, or the bare event): the top-level
 * attributes and those inside objects. Only attributes marked for detection ({@code to_ids}, or MISP's
 * default for the type in describeTypes.json when the attribute does not say) become indicators;
 * a type MISP's registry does not know is reported. The actor is the event's threat-actor galaxy cluster.
 */
final class MispFeed {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MispFeed() {}

    /** MISP attribute types → ours. Composite "a|b" types are split and each half mapped. */
    private static final Map<String, IndicatorType> TYPES = Map.ofEntries(
            Map.entry("ip-src", IndicatorType.IPV4), Map.entry("ip-dst", IndicatorType.IPV4), // IPv6 chosen by the value
            Map.entry("ip", IndicatorType.IPV4), // the second half of "domain|ip"
            Map.entry("domain", IndicatorType.DOMAIN), Map.entry("hostname", IndicatorType.DOMAIN),
            Map.entry("url", IndicatorType.URL),
            Map.entry("md5", IndicatorType.MD5), Map.entry("sha1", IndicatorType.SHA1), Map.entry("sha256", IndicatorType.SHA256),
            Map.entry("filename", IndicatorType.FILE_NAME),
            Map.entry("email", IndicatorType.EMAIL), Map.entry("email-src", IndicatorType.EMAIL), Map.entry("email-dst", IndicatorType.EMAIL));

    /**
     * The registry: type → default to_ids. {@code complete} when read from MISP's describeTypes.json, so a
     * type missing from it is reported; the built-in subset only covers the types mapped here.
     */
    record DescribeTypes(Map<String, Boolean> defaultToIds, boolean complete) {
        /**
         * MISP's describeTypes.json ({@code result.sane_defaults}, PyMISP commit 99a1c79) gives to_ids = 1 for
         * every type indexed here: ip-src, ip-dst, domain, domain|ip, hostname, url, md5, sha1, sha256,
         * filename and filename|md5/sha1/sha256, email, email-src, email-dst.
         */
        static final DescribeTypes BUILT_IN = new DescribeTypes(Map.ofEntries(
                Map.entry("ip-src", true), Map.entry("ip-dst", true), Map.entry("ip-src|port", true), Map.entry("ip-dst|port", true),
                Map.entry("domain", true), Map.entry("domain|ip", true), Map.entry("hostname", true), Map.entry("hostname|port", true),
                Map.entry("url", true), Map.entry("md5", true), Map.entry("sha1", true), Map.entry("sha256", true),
                Map.entry("filename", true), Map.entry("filename|md5", true), Map.entry("filename|sha1", true),
                Map.entry("filename|sha256", true), Map.entry("email", true), Map.entry("email-src", true), Map.entry("email-dst", true)), false);

        static DescribeTypes read(Path describeTypesJson) throws IOException {
            JsonNode defaults = JSON.readTree(describeTypesJson.toFile()).path("result").path("sane_defaults");
            Map<String, Boolean> out = new java.util.HashMap<>();
            defaults.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("to_ids").asInt(0) == 1));
            return new DescribeTypes(out, true);
        }
    }

    static Feed read(Path file, DescribeTypes registry) throws IOException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Feed(List.of(), List.of(), List.of(new FeedProblem(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not JSON: " + e.getOriginalMessage())));
        }
        JsonNode event = root.has("Event") ? root.get("Event") : root;
        String source = "misp:" + event.path("uuid").asText(name);
        String actor = null;
        for (JsonNode g : event.path("Galaxy")) {
            if (!g.path("type").asText().equals("threat-actor")) continue;
            for (JsonNode c : g.path("GalaxyCluster")) if (actor == null) actor = c.path("value").asText(null);
        }
        List<JsonNode> attributes = new ArrayList<>();
        event.path("Attribute").forEach(attributes::add);
        for (JsonNode o : event.path("Object")) o.path("Attribute").forEach(attributes::add);
        List<Indicator> out = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode a : attributes) {
            index++;
            String type = a.path("type").asText("");
            if (!registry.defaultToIds().containsKey(type)) {
                if (registry.complete()) {
                    problems.add(new FeedProblem(name, index, "attribute " + a.path("uuid").asText("?") + ": unknown MISP type '" + type + "'"));
                }
                continue;
            }
            boolean toIds = a.has("to_ids") ? a.get("to_ids").asBoolean() : registry.defaultToIds().get(type);
            if (!toIds) continue;
            String[] types = type.split("\\|");
            String[] values = a.path("value").asText("").split("\\|", types.length);
            for (int k = 0; k < types.length && k < values.length; k++) {
                IndicatorType t = TYPES.get(types[k]);
                if (t == null) continue; // port, regkey, ssdeep…: not an equality indicator we index
                String v = values[k].strip();
                if (t == IndicatorType.IPV4 && v.indexOf(':') >= 0) t = IndicatorType.IPV6;
                try {
                    out.add(new Indicator(t, v, source, actor, null, null));
                } catch (IllegalArgumentException e) {
                    problems.add(new FeedProblem(name, index, "attribute " + a.path("uuid").asText("?") + " (" + type + "): " + e.getMessage()));
                }
            }
        }
        return new Feed(out, List.of(), problems);
    }
}
