package kahu.investigate;

import kahu.store.Database;

import java.time.Instant;

/**
 * The one place Kahu reads a victim organisation's real name. Everything else (reports, statistics,
 * STIX, the demo) works with pseudonyms; an analyst who must contact a victim comes through here with a
 * reason, and each read is written to standard error as an audit line. Grep for this class to audit.
 */
public final class VictimIdentityGate {
    private VictimIdentityGate() {}

    public static String realName(Database db, String organisationId, String analyst, String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reading a victim's identity needs a reason");
        String name = db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM organisation WHERE id = ?")
                .bind(0, organisationId).mapTo(String.class).findOne().orElse(null));
        System.err.printf("kahu: AUDIT %s: %s read the identity of %s: %s%n", Instant.now(), analyst, organisationId, reason);
        return name;
    }
}
