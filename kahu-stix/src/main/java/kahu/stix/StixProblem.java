package kahu.stix;

/**
 * Something wrong with one object (or with a whole file) that a reader met.
 *
 * @param source   the file (or stream name) read
 * @param line     1-based line of the object's start, 0 when unknown
 * @param objectId the object's id, null when it has none or the file itself is at fault
 * @param message  what is wrong, in words an analyst can act on
 */
public record StixProblem(String source, long line, String objectId, String message) {
    /** {@code file:line: object-id: message}, the form every Kahu tool prints. */
    public String describe() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (objectId != null) sb.append(objectId).append(": ");
        return sb.append(message).toString();
    }
}
