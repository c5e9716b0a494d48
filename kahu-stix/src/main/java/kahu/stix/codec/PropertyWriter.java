package kahu.stix.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.model.ExternalReference;
import kahu.stix.model.GranularMarking;
import kahu.stix.model.KillChainPhase;
import kahu.stix.model.StixTimestamp;

import java.util.List;
import java.util.Map;

/** Writes typed properties into one JSON object, skipping absent (null) ones. */
final class PropertyWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    final ObjectNode node;

    PropertyWriter() {
        this(NODES.objectNode());
    }

    PropertyWriter(ObjectNode node) {
        this.node = node;
    }

    void str(String name, String v) {
        if (v != null) node.put(name, v);
    }

    void bool(String name, Boolean v) {
        if (v != null) node.put(name, v);
    }

    /** Integers that fit an int are written as int so a re-read tree equals the original (IntNode != LongNode). */
    void number(String name, Number v) {
        switch (v) {
            case null -> {}
            case Integer i -> node.put(name, i);
            case Long l when l == l.intValue() -> node.put(name, l.intValue());
            case Long l -> node.put(name, l);
            case Double d -> node.put(name, d);
            default -> node.put(name, v.doubleValue());
        }
    }

    void timestamp(String name, StixTimestamp v) {
        if (v != null) node.put(name, v.toString());
    }

    void node(String name, JsonNode v) {
        if (v != null) node.set(name, v.deepCopy());
    }

    void strings(String name, List<String> v) {
        if (v == null) return;
        ArrayNode a = node.putArray(name);
        v.forEach(a::add);
    }

    void stringMap(String name, Map<String, String> v) {
        if (v == null) return;
        ObjectNode o = node.putObject(name);
        v.forEach(o::put);
    }

    void nodeMap(String name, Map<String, JsonNode> v) {
        if (v == null) return;
        ObjectNode o = node.putObject(name);
        v.forEach((k, n) -> o.set(k, n.deepCopy()));
    }

    void killChainPhases(String name, List<KillChainPhase> v) {
        if (v == null) return;
        ArrayNode a = node.putArray(name);
        for (KillChainPhase p : v) a.addObject().put("kill_chain_name", p.killChainName()).put("phase_name", p.phaseName());
    }

    void externalReferences(String name, List<ExternalReference> v) {
        if (v == null) return;
        ArrayNode a = node.putArray(name);
        for (ExternalReference r : v) {
            PropertyWriter w = new PropertyWriter(a.addObject());
            w.str("source_name", r.sourceName());
            w.str("description", r.description());
            w.str("url", r.url());
            w.stringMap("hashes", r.hashes());
            w.str("external_id", r.externalId());
            w.rest(r.other());
        }
    }

    void granularMarkings(String name, List<GranularMarking> v) {
        if (v == null) return;
        ArrayNode a = node.putArray(name);
        for (GranularMarking g : v) {
            PropertyWriter w = new PropertyWriter(a.addObject());
            w.str("lang", g.lang());
            w.str("marking_ref", g.markingRef());
            w.strings("selectors", g.selectors());
        }
    }

    void rest(Map<String, JsonNode> other) {
        other.forEach((k, v) -> node.set(k, v.deepCopy()));
    }
}
