/**
 * Our own reader of binary Windows event logs (EVTX), written from the public format descriptions:
 * J. Metz, "Windows XML Event Log (EVTX) format" (libevtx documentation), A. Schuster's chunk-header
 * notes (forensikblog.de, 2007) and Microsoft's [MS-EVEN6] binary XML grammar. No EVTX library is used.
 *
 * <p>Owns: the file header, 64 KiB chunks and their CRC32 checks, event records, binary XML with
 * templates and substitutions, typed values, and flattening an event into {@link kahu.ingest.Event}
 * fields named as Sigma expects ({@code EventID}, {@code Provider_Name}, EventData names, …).
 *
 * <p>Must not: decide what is malicious (that is {@code detect}), store anything, or throw on bad
 * input: a bad chunk or record is reported with file, chunk/record number and reason, then skipped.
 */
package kahu.ingest.evtx;
