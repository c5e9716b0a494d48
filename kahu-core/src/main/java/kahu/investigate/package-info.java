/**
 * The investigation pipeline ({@code kahu investigate}): logs through the detection engine, detections
 * placed at their organisations and stored, incidents and campaigns formed and attributed, everything
 * stored in the Kahu database; and the statistics drawn from what is stored ({@code kahu stats}).
 *
 * <p>Owns: the order of the steps, the investigation tables (schema V4) and
 * {@link kahu.investigate.VictimIdentityGate}, the one place a victim's real name is read. Must not
 * parse logs, match rules or weigh evidence itself (ingest, detect, correlate and attribution do),
 * and must not depend on {@code kahu.simulate} or read a simulator's ground truth.
 */
package kahu.investigate;
