package kahu.knowledge;

import java.util.List;

/**
 * What an import did.
 *
 * @param objectsRead     STIX objects and MISP cluster values read
 * @param objectsImported of those, stored
 * @param rejected        one line per rejected object or file: "file:line: id: why"
 * @param notes           files skipped on purpose (not STIX or MISP, a galaxy definition, …)
 */
public record ImportSummary(long importId, int files, int objectsRead, int objectsImported, int actorRecords,
                            int attackEntries, List<String> rejected, List<String> notes) {
    public ImportSummary {
        rejected = List.copyOf(rejected);
        notes = List.copyOf(notes);
    }

    public boolean nothingImported() {
        return objectsImported == 0 && actorRecords == 0;
    }
}
