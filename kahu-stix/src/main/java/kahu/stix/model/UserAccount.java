package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code user-account}: A user account on a system or service.
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record UserAccount(
        CommonProperties common,
        String userId,
        String credential,
        String accountLogin,
        String accountType,
        String displayName,
        Boolean isServiceAccount,
        Boolean isPrivileged,
        Boolean canEscalatePrivs,
        Boolean isDisabled,
        StixTimestamp accountCreated,
        StixTimestamp accountExpires,
        StixTimestamp credentialLastChanged,
        StixTimestamp accountFirstLogin,
        StixTimestamp accountLastLogin,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "user-account";

    public UserAccount {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
