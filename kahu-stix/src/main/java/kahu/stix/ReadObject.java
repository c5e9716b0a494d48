package kahu.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One STIX object as read from a file: already upgraded to 2.1 and validated.
 *
 * @param id     the STIX identifier
 * @param type   the STIX type (e.g. {@code intrusion-set}, {@code x-mitre-tactic})
 * @param json   the object, spec_version 2.1, custom properties kept
 * @param source the file it came from
 * @param line   1-based line where the object starts
 * @param upgraded true when the input was STIX 2.0 and Kahu upgraded it
 */
public record ReadObject(String id, String type, ObjectNode json, String source, long line, boolean upgraded) {}
