/**
 * Reading raw logs into {@link kahu.ingest.Event}s: IIS W3C and Exchange CSV logs, Windows event logs
 * (binary EVTX and their JSON/XML exports, Winlogbeat/ECS), syslog, web server access logs, Zeek and
 * generic JSON. Streaming, constant memory, gzip and zip transparent, format detected per file.
 *
 * <p>Owns: parsing and normalising. Must not decide what is malicious (that is {@code detect}) nor
 * store anything. A bad record is reported with file and line/record and skipped; reading goes on.
 */
package kahu.ingest;
