/**
 * Detection: turning events and files into {@link kahu.detect.Detection}s with the ATT&CK techniques
 * and the attacker's observables they carry. Sub-packages hold the engines: {@code sigma} (rules),
 * {@code ioc} (STIX patterns and indicator sets), {@code webshell} (page files).
 *
 * <p>Owns: what is malicious and why. Must not parse log formats (that is {@code ingest}) nor attribute.
 */
package kahu.detect;
