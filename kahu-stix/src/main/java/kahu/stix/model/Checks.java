package kahu.stix.model;

/** Invariants every record constructor checks, so a record can never hold another type's data. */
final class Checks {
    private Checks() {}

    static void requireType(CommonProperties common, String type) {
        if (common == null) throw new IllegalArgumentException(type + ": common properties are required");
        if (!type.equals(common.type()))
            throw new IllegalArgumentException("a " + type + " record cannot hold an object of type " + common.type());
    }
}
