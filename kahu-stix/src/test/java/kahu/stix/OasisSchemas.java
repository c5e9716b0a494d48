package kahu.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OASIS STIX 2.1 JSON schemas (Draft 2020-12) from shared/data, with the schemas' $id URL
 * prefix mapped to the local folder so nothing is fetched over the network. The validator library
 * uses Jackson 3, so objects cross over as JSON text.
 */
public final class OasisSchemas {
    private static final String ID_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(OasisSchemas::localSchemaText));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OasisSchemas() {}

    /** The text of a schema by its $id, read from the local folder; null (unknown) for anything else. */
    private static String localSchemaText(String iri) {
        if (!iri.startsWith(ID_PREFIX)) return null;
        try {
            return Files.readString(TestData.schemas().resolve(iri.substring(ID_PREFIX.length())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The schema for a type: its own file, core.json for x- custom objects. */
    public static Schema forType(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + folderOf(t) + ".json")));
    }

    private static String folderOf(String type) {
        for (String folder : List.of("sdos", "sros", "observables", "common")) {
            if (Files.exists(TestData.schemas().resolve(folder).resolve(type + ".json"))) return folder + "/" + type;
        }
        if (type.startsWith("x-")) return "common/core";
        throw new IllegalArgumentException("no OASIS schema for type " + type);
    }

    /** Schema error messages for one object (empty when valid). */
    public static List<String> validate(JsonNode stixObject) {
        List<Error> errors = forType(stixObject.path("type").asText()).validate(stixObject.toString(), InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }
}
