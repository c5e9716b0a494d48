package kahu.stix.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.model.Bundle;
import kahu.stix.model.CommonProperties;
import kahu.stix.model.CustomObject;
import kahu.stix.model.CyberObservable;
import kahu.stix.model.StixObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between JSON trees and STIX records, explicitly and without reflection.
 * {@code toJson(fromJson(x))} equals {@code x} (as a JsonNode) for any object the record
 * types can hold: unmodelled and custom properties are kept, timestamps keep their precision.
 * Properties are written in a fixed order: common ones first, then type-specific, then the rest.
 */
public final class StixCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StixCodec() {}

    /** The record for one STIX object; {@link CustomObject} for x- and unmodelled types. */
    public static StixObject fromJson(ObjectNode json) {
        String type = json.path("type").asText(null);
        if (type == null) throw new StixFormatException("object has no 'type'");
        String what = type + " " + json.path("id").asText("(no id)");
        PropertyReader r = new PropertyReader(json, what);
        try {
            CommonProperties c = readCommon(r);
            StixObject o = DomainObjectCodec.read(type, c, r);
            if (o == null) o = ObservableCodec.read(type, c, r);
            return o != null ? o : new CustomObject(c, r.rest());
        } catch (StixFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new StixFormatException(what + ": " + e.getMessage());
        }
    }

    public static ObjectNode toJson(StixObject o) {
        PropertyWriter w = new PropertyWriter();
        writeCommon(o.common(), w);
        switch (o) {
            case CustomObject _ -> {}
            case CyberObservable sco -> ObservableCodec.write(sco, w);
            default -> DomainObjectCodec.write(o, w);
        }
        w.rest(o.other());
        return w.node;
    }

    public static Bundle bundleFromJson(ObjectNode json) {
        if (!"bundle".equals(json.path("type").asText()))
            throw new StixFormatException("not a bundle: type is " + json.path("type"));
        PropertyReader r = new PropertyReader(json, "bundle");
        r.str("type");
        String id = r.str("id");
        JsonNode objects = json.get("objects");
        r.node("objects"); // marks it taken
        List<StixObject> list = new ArrayList<>();
        if (objects != null) {
            if (!objects.isArray()) throw new StixFormatException("bundle: 'objects' must be an array");
            for (JsonNode n : objects) {
                if (!(n instanceof ObjectNode o)) throw new StixFormatException("bundle: every object must be a JSON object");
                list.add(fromJson(o));
            }
        }
        return new Bundle(id, objects == null ? null : list, r.rest());
    }

    public static ObjectNode toJson(Bundle b) {
        PropertyWriter w = new PropertyWriter();
        w.str("type", "bundle");
        w.str("id", b.id());
        if (b.objects() != null) {
            ArrayNode a = w.node.putArray("objects");
            for (StixObject o : b.objects()) a.add(toJson(o));
        }
        w.rest(b.other());
        return w.node;
    }

    /** Compact JSON text, the form Kahu writes to files and the wire. */
    public static String toJsonString(StixObject o) {
        return write(toJson(o));
    }

    public static String toJsonString(Bundle b) {
        return write(toJson(b));
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static CommonProperties readCommon(PropertyReader r) {
        return new CommonProperties(r.str("type"), r.str("id"), r.str("spec_version"), r.timestamp("created"),
                r.timestamp("modified"), r.str("created_by_ref"), r.bool("revoked"), r.strings("labels"),
                r.integer("confidence"), r.str("lang"), r.externalReferences("external_references"),
                r.strings("object_marking_refs"), r.granularMarkings("granular_markings"), r.nodeMap("extensions"),
                r.bool("defanged"));
    }

    private static void writeCommon(CommonProperties c, PropertyWriter w) {
        w.str("type", c.type());
        w.str("spec_version", c.specVersion());
        w.str("id", c.id());
        w.str("created_by_ref", c.createdByRef());
        w.timestamp("created", c.created());
        w.timestamp("modified", c.modified());
        w.bool("revoked", c.revoked());
        w.strings("labels", c.labels());
        w.number("confidence", c.confidence());
        w.str("lang", c.lang());
        w.externalReferences("external_references", c.externalReferences());
        w.strings("object_marking_refs", c.objectMarkingRefs());
        w.granularMarkings("granular_markings", c.granularMarkings());
        w.nodeMap("extensions", c.extensions());
        w.bool("defanged", c.defanged());
    }
}
