/**
 * Where Kahu keeps its state: the embedded H2 database under {@code KAHU_HOME} by default,
 * or a PostgreSQL server, behind one Flyway-migrated schema written in SQL that both accept.
 *
 * <p>Owns: connection set-up, migrations, transactions. Must not hold domain logic: the
 * knowledge base, detection and attribution packages decide what to store and call in here.
 */
package kahu.store;
