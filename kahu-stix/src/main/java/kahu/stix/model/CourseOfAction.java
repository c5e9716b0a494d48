package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * STIX {@code course-of-action}: An action taken to prevent or respond to an attack (an ATT&CK mitigation).
 * Properties are STIX names in camelCase;
 * absent ones are null. {@code other} keeps unmodelled and custom properties.
 */
public record CourseOfAction(
        CommonProperties common,
        String name,
        String description,
        Map<String, JsonNode> other) implements DomainObject {
    public static final String TYPE = "course-of-action";

    public CourseOfAction {
        Checks.requireType(common, TYPE);
        other = Collections2.copyOfOther(other);
    }
}
