package kahu.stix.marking;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.model.CommonProperties;
import kahu.stix.model.MarkingDefinition;
import kahu.stix.model.StixTimestamp;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Traffic Light Protocol 2.0 levels, ordered from least to most restrictive
 * (CLEAR &lt; GREEN &lt; AMBER &lt; AMBER+STRICT &lt; RED), so {@code a.compareTo(b) > 0}
 * means "a is more restricted than b".
 * <p>
 * STIX 2.1 itself predefines only TLP 1.0 markings (WHITE, GREEN, AMBER, RED). TLP 2.0 is
 * expressed through the OASIS TLP 2.0 extension published in oasis-open/cti-stix-common-objects
 * ({@code extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d}); the marking-definition
 * ids, names and the created time 2022-10-01T00:00:00.000Z below are the ones published there,
 * so they must be used unchanged (a freshly generated id would mean nothing to a consumer).
 */
public enum Tlp {
    CLEAR("94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear"),
    GREEN("bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green"),
    AMBER("55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber"),
    AMBER_STRICT("939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict"),
    RED("e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red");

    /** The OASIS TLP 2.0 extension every TLP 2.0 marking-definition declares. */
    public static final String EXTENSION_DEFINITION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The created time of all five published TLP 2.0 marking-definitions. */
    public static final StixTimestamp PUBLISHED = StixTimestamp.parse("2022-10-01T00:00:00.000Z");

    /** The TLP 1.0 marking-definitions STIX 2.1 predefines (section 7.2.1.4), mapped to their 2.0 level. */
    private static final Map<String, Tlp> TLP1_IDS = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", CLEAR, // TLP:WHITE became TLP:CLEAR
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", RED);

    private final String markingId;
    private final String label;
    private final String extensionValue;

    Tlp(String uuid, String label, String extensionValue) {
        this.markingId = "marking-definition--" + uuid;
        this.label = label;
        this.extensionValue = extensionValue;
    }

    /** The published marking-definition id, for object_marking_refs. */
    public String markingId() {
        return markingId;
    }

    /** e.g. "TLP:AMBER+STRICT". */
    public String label() {
        return label;
    }

    public boolean isMoreRestrictiveThan(Tlp other) {
        return compareTo(other) > 0;
    }

    /** The most restrictive of the levels (RED wins); CLEAR for none. */
    public static Tlp mostRestrictive(Tlp... levels) {
        return Arrays.stream(levels).max(Tlp::compareTo).orElse(CLEAR);
    }

    /** The marking-definition object exactly as OASIS publishes it. */
    public MarkingDefinition markingDefinition() {
        CommonProperties common = new CommonProperties("marking-definition", markingId, "2.1", PUBLISHED, null, null,
                null, null, null, null, null, null, null, Map.of(EXTENSION_DEFINITION_ID, extension()), null);
        return new MarkingDefinition(common, label, null, null, null);
    }

    private ObjectNode extension() {
        return JsonNodeFactory.instance.objectNode()
                .put("extension_type", "property-extension")
                .put("tlp_2_0", extensionValue);
    }

    /** The level a marking id stands for: TLP 2.0 ids, and TLP 1.0 ids mapped (WHITE → CLEAR). */
    public static Optional<Tlp> fromMarkingId(String markingDefinitionId) {
        for (Tlp t : values()) if (t.markingId.equals(markingDefinitionId)) return Optional.of(t);
        return Optional.ofNullable(TLP1_IDS.get(markingDefinitionId));
    }

    /** Parses "TLP:AMBER+STRICT", "amber+strict", "AMBER_STRICT", "white" (→ CLEAR). */
    public static Tlp parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace("TLP:", "").replace('+', '_');
        return switch (t) {
            case "WHITE" -> CLEAR;
            default -> {
                try {
                    yield valueOf(t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a TLP level: " + text);
                }
            }
        };
    }
}
