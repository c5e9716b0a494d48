/**
 * From detections to incidents and campaigns: which organisation a detection belongs to (the
 * constituency register), incidents per organisation, host and time window with a severity
 * category after the UK/NZ national categorisation, campaigns as incidents linked by shared attacker
 * infrastructure, web-shell hashes and names and tooling, and the evidence each incident or campaign
 * gives the attribution engine.
 *
 * <p>Owns: {@link kahu.correlate.Organisation}, {@link kahu.correlate.Incident},
 * {@link kahu.correlate.Campaign} and how they are formed. Must not read logs (that is
 * {@code kahu.ingest}), run rules ({@code kahu.detect}) or store anything ({@code kahu.investigate}
 * does); must not depend on {@code kahu.simulate}: it sees only what the logs show.
 */
package kahu.correlate;
