package kahu.stix.codec;

/** JSON that cannot be turned into a STIX record: names the property and what was expected. */
public class StixFormatException extends IllegalArgumentException {
    public StixFormatException(String message) {
        super(message);
    }
}
