package kahu.detect.ioc;

import java.util.List;

/**
 * {@code object-type:property.sub[*].'quoted key'[2]}: the SCO type and the steps into it. A property
 * ending in {@code _ref} or {@code _refs} is followed to the referenced object when a step continues past it.
 */
public record ObjectPath(String objectType, List<Step> steps) {
    public ObjectPath {
        steps = List.copyOf(steps);
    }

    public sealed interface Step {}

    public record Property(String name) implements Step {}

    public record Index(int index) implements Step {}

    /** {@code [*]}: any element of the list. */
    public record AnyIndex() implements Step {}

    /** The property path without the object type, e.g. {@code hashes.SHA-256}, for mapping to event fields. */
    public String propertyPath() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            switch (s) {
                case Property p -> sb.append(sb.isEmpty() ? "" : ".").append(p.name());
                case Index i -> sb.append('[').append(i.index()).append(']');
                case AnyIndex a -> sb.append("[*]");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return objectType + ":" + propertyPath();
    }
}
