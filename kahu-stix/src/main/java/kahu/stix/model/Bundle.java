package kahu.stix.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A STIX 2.1 bundle: a transport wrapper, not itself a STIX object (so it has no spec_version,
 * created or modified). {@code objects} is null when the bundle had no objects property.
 */
public record Bundle(String id, List<StixObject> objects, Map<String, JsonNode> other) {
    public Bundle {
        if (id == null || !id.startsWith("bundle--")) throw new IllegalArgumentException("bundle id must be 'bundle--<uuid>', got " + id);
        objects = Collections2.copyOf(objects);
        other = Collections2.copyOfOther(other);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects objects; build() gives a bundle with a fresh UUIDv4 id unless one was set. */
    public static final class Builder {
        private String id;
        private final List<StixObject> objects = new ArrayList<>();

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder add(StixObject o) {
            if (o == null) throw new IllegalArgumentException("cannot add null to a bundle");
            objects.add(o);
            return this;
        }

        public Builder addAll(List<? extends StixObject> os) {
            os.forEach(this::add);
            return this;
        }

        public Bundle build() {
            String bundleId = id != null ? id : kahu.stix.id.StixIds.newId("bundle");
            if (!kahu.stix.id.StixIds.isValid(bundleId, "bundle"))
                throw new IllegalArgumentException("bundle id must be 'bundle--<uuid>', got " + bundleId);
            return new Bundle(bundleId, objects, null);
        }
    }
}
