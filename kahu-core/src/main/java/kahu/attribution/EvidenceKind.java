package kahu.attribution;

/**
 * What an evidence item is, with how reliable such evidence usually is and how easily an adversary
 * plants it (a false flag). These defaults are documented in docs/attribution.md.
 */
public enum EvidenceKind {
    /** An ATT&CK technique, value "T1505.003". */
    TECHNIQUE(0.8, 0.3),
    /** A malware or tool family, value the ATT&CK software ID ("S0020") or the name when it has none. */
    SOFTWARE(0.8, 0.5),
    /** An address, domain, URL, certificate or autonomous system, value "ipv4-addr:203.0.113.7", "domain-name:…", "url:…", "x509-sha1:…", "autonomous-system:AS64500". */
    INFRASTRUCTURE(0.7, 0.6),
    /** A file hash, value "sha256:…", "sha1:…" or "md5:…". */
    FILE_HASH(0.9, 0.4),
    /** An exploited vulnerability, value "CVE-2021-26855". */
    VULNERABILITY(0.8, 0.3),
    /** The victim's sector, value from the knowledge base's sector list, e.g. "government". */
    SECTOR(0.6, 0.1),
    /** The victim's country, ISO 3166-1 alpha-2. */
    COUNTRY(0.6, 0.1),
    /** The UTC offset whose working hours best explain the activity's timestamps, value "+08:00". */
    TIMING(0.5, 0.8),
    /** Another trace, e.g. "language:zh-CN" (resource language) or "compile-offset:+03:00". */
    ARTEFACT(0.4, 0.9);

    private final double reliability;
    private final double fakeability;

    EvidenceKind(double reliability, double fakeability) {
        this.reliability = reliability;
        this.fakeability = fakeability;
    }

    public double defaultReliability() {
        return reliability;
    }

    public double defaultFakeability() {
        return fakeability;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
