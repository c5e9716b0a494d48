/**
 * Writes what an investigation found for people: {@code report.md}, a self-contained {@code report.html}
 * (charts as inline SVG, no scripts or remote resources) and {@code findings.stix.json} (STIX 2.1).
 *
 * <p>Owns: layout and wording of reports. Victims appear only by pseudonym and sector; must not read
 * real identities (only {@code kahu.investigate.VictimIdentityGate} does), store, scan or attribute.
 */
package kahu.report;
