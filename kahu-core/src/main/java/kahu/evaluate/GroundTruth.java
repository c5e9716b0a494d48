package kahu.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulator's {@code ground-truth.json}: which organisations were compromised, and for each adversary
 * operation its actor, campaign and the log lines ({@code file:line}, relative to the telemetry folder)
 * and web-shell hashes it produced.
 */
public record GroundTruth(Set<String> compromised, Map<String, Operation> operations, Map<String, String> operationOfEvent,
                          Map<String, String> operationOfHash) {

    public record Operation(String id, String actor, String campaign, String organisation, boolean stateSponsored) {}

    public static GroundTruth read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Set<String> compromised = new LinkedHashSet<>();
        for (JsonNode o : root.path("organisations")) if (o.path("compromised").asBoolean()) compromised.add(o.path("id").asText());
        Map<String, Boolean> sponsored = new HashMap<>();
        for (JsonNode c : root.path("campaigns")) sponsored.put(c.path("id").asText(), c.path("state_sponsored").asBoolean());
        Map<String, Operation> ops = new HashMap<>();
        Map<String, String> byEvent = new HashMap<>(), byHash = new HashMap<>();
        for (JsonNode o : root.path("operations")) {
            String id = o.path("id").asText();
            String campaign = o.path("campaign").asText();
            ops.put(id, new Operation(id, o.path("actor").asText(), campaign, o.path("organisation").asText(),
                    sponsored.getOrDefault(campaign, false)));
            for (JsonNode e : o.path("events")) byEvent.put(normalise(e.asText()), id);
            for (JsonNode w : o.path("webshells")) {
                if (w.hasNonNull("sha256")) byHash.put(w.path("sha256").asText().toLowerCase(java.util.Locale.ROOT), id);
                if (w.hasNonNull("path")) byEvent.put(normalise(w.path("path").asText()), id);
            }
        }
        return new GroundTruth(compromised, ops, byEvent, byHash);
    }

    /** Paths compared with forward slashes and without a leading "./". */
    static String normalise(String location) {
        String l = location.replace('\\', '/');
        return l.startsWith("./") ? l.substring(2) : l;
    }

    /** The operation a detection's location (absolute or relative) belongs to, or null. */
    public String operationOf(String location, Path telemetryRoot, List<String> hashes) {
        String l = normalise(location);
        String root = normalise(telemetryRoot.toAbsolutePath().normalize().toString());
        if (l.startsWith(root + "/")) l = l.substring(root.length() + 1);
        String op = operationOfEvent.get(l);
        if (op == null) {
            for (String h : hashes) {
                op = operationOfHash.get(h.toLowerCase(java.util.Locale.ROOT));
                if (op != null) break;
            }
        }
        return op;
    }

    public List<String> actors() {
        return new ArrayList<>(new LinkedHashSet<>(operations.values().stream().map(Operation::actor).toList()));
    }
}
