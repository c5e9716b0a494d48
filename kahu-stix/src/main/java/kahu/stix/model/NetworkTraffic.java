package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code network-traffic}: A network connection or flow.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record NetworkTraffic(
        CommonProperties common,
        StixTimestamp start,
        StixTimestamp end,
        Boolean isActive,
        String srcRef,
        String dstRef,
        Integer srcPort,
        Integer dstPort,
        List<String> protocols,
        Long srcByteCount,
        Long dstByteCount,
        Long srcPackets,
        Long dstPackets,
        JsonNode ipfix,
        List<String> encapsulatesRefs,
        String encapsulatedByRef,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "network-traffic";

    public NetworkTraffic {
        Checks.requireType(common, TYPE);
        protocols = Collections2.copyOf(protocols);
        encapsulatesRefs = Collections2.copyOf(encapsulatesRefs);
        ipfix = ipfix == null ? null : ipfix.deepCopy();
        other = Collections2.copyOfOther(other);
    }
}
