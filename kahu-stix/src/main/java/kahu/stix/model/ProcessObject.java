package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * STIX {@code process}: A process on a host (named ProcessObject to keep clear of java.lang.Process).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record ProcessObject(
        CommonProperties common,
        Boolean isHidden,
        Long pid,
        StixTimestamp createdTime,
        String cwd,
        String commandLine,
        Map<String, String> environmentVariables,
        List<String> openedConnectionRefs,
        String creatorUserRef,
        String imageRef,
        String parentRef,
        List<String> childRefs,
        Map<String, JsonNode> other) implements CyberObservable {
    public static final String TYPE = "process";

    public ProcessObject {
        Checks.requireType(common, TYPE);
        environmentVariables = Collections2.copyOf(environmentVariables);
        openedConnectionRefs = Collections2.copyOf(openedConnectionRefs);
        childRefs = Collections2.copyOf(childRefs);
        other = Collections2.copyOfOther(other);
    }
}
