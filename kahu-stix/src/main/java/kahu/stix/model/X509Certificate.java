package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code x509-certificate}: An X.509 certificate.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record X509Certificate(
        CommonProperties common,
        Boolean isSelfSigned,
        Map<String, String> hashes,
        String version,
        String serialNumber,
        String signatureAlgorithm,
        String issuer,
        StixTimestamp validityNotBefore,
        StixTimestamp validityNotAfter,
        String subject,
        String subjectPublicKeyAlgorithm,
        String subjectPublicKeyModulus,
        Long subjectPublicKeyExponent,
        JsonNode x509V3Extensions,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "x509-certificate";

    public X509Certificate {
        Checks.requireType(common, TYPE);
        hashes = Collections2.copyOf(hashes);
        x509V3Extensions = x509V3Extensions == null ? null : x509V3Extensions.deepCopy();
        other = Collections2.copyOfOther(other);
    }
}
