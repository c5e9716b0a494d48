package kahu.detect.ioc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STIX 2.x bundles: every {@code indicator} with a STIX pattern. Equality patterns become
 * {@link Indicator}s, the rest {@link PatternIndicator}s. The actor is the intrusion set or threat
 * actor the indicator {@code indicates} (through a relationship in the same bundle), by name.
 */
final class StixFeed {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StixFeed() {}

    static Feed read(Path file) throws IOException {
        String name = file.getFileName().toString();
        JsonNode bundle;
        try {
            bundle = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Feed(List.of(), List.of(), List.of(new FeedProblem(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not JSON: " + e.getOriginalMessage())));
        }
        return read(name, bundle);
    }

    static Feed read(String name, JsonNode bundle) {
        JsonNode objects = bundle.isArray() ? bundle : bundle.path("objects");
        Map<String, String> actorNames = new HashMap<>();
        for (JsonNode o : objects) {
            String type = o.path("type").asText();
            if (type.equals("intrusion-set") || type.equals("threat-actor")) actorNames.put(o.path("id").asText(), o.path("name").asText(null));
        }
        Map<String, String> indicates = new HashMap<>();
        for (JsonNode o : objects) {
            if (o.path("type").asText().equals("relationship") && o.path("relationship_type").asText().equals("indicates")
                    && actorNames.get(o.path("target_ref").asText()) != null) {
                indicates.putIfAbsent(o.path("source_ref").asText(), actorNames.get(o.path("target_ref").asText()));
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        List<PatternIndicator> patterns = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode o : objects) {
            index++;
            if (!o.path("type").asText().equals("indicator")) continue;
            String id = o.path("id").asText("(no id)");
            String patternType = o.path("pattern_type").asText("stix");
            if (!patternType.equals("stix")) continue; // Sigma, YARA, Snort patterns belong to other detectors
            String text = o.path("pattern").asText(null);
            if (text == null) {
                problems.add(new FeedProblem(name, index, id + ": indicator without a pattern"));
                continue;
            }
            Pattern pattern;
            try {
                pattern = StixPattern.parse(text);
            } catch (StixPatternException e) {
                problems.add(new FeedProblem(name, index, id + ": pattern " + e.getMessage()));
                continue;
            }
            String actor = indicates.get(id);
            Instant from = time(o, "valid_from"), until = time(o, "valid_until");
            String source = "stix:" + name + ":" + id;
            Optional<List<Map.Entry<IndicatorType, String>>> eq = SimplePatterns.equalities(pattern);
            if (eq.isPresent()) {
                for (Map.Entry<IndicatorType, String> e : eq.get()) indicators.add(new Indicator(e.getKey(), e.getValue(), source, actor, from, until));
            } else {
                patterns.add(new PatternIndicator(id, o.path("name").asText(null), text, pattern, source, actor, from, until));
            }
        }
        return new Feed(indicators, patterns, problems);
    }

    private static Instant time(JsonNode o, String field) {
        String s = o.path(field).asText(null);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
