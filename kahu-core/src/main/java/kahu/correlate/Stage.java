package kahu.correlate;

import java.util.Collection;
import java.util.Set;

/**
 * How far an intrusion got, judged from one detection: an attempt (exploitation tried, scanning), a
 * compromise (code running on the server, a web shell, persistence, discovery), or impact (credentials
 * stolen, mail or data collected or sent out, files encrypted, resources hijacked). An incident is as
 * far as its furthest detection.
 */
public enum Stage {
    ATTEMPT, COMPROMISE, IMPACT;

    /** ATT&CK techniques whose success means serious impact (credential access, collection, exfiltration, impact). */
    private static final Set<String> IMPACT_PREFIXES = Set.of("T1003", "T1486", "T1489", "T1490", "T1485", "T1114",
            "T1560", "T1567", "T1048", "T1041", "T1005", "T1496", "T1552", "T1555", "T1020", "T1530", "T1561");
    /** Techniques that only say exploitation was tried or the server was looked at. */
    private static final Set<String> ATTEMPT_PREFIXES = Set.of("T1190", "T1595", "T1592", "T1589", "T1590");

    /**
     * @param engine     the detection engine ("sigma", "webshell", "indicator", …)
     * @param techniques the detection's techniques
     * @param cves       CVEs the rule names: the post-authentication Exchange flaws (file write, deserialisation)
     *                   mean the attacker was already in
     */
    public static Stage of(String engine, Collection<String> techniques, Collection<String> cves) {
        if ("webshell".equals(engine)) return COMPROMISE;
        boolean compromise = false;
        for (String t : techniques) {
            String base = t.length() >= 5 ? t.substring(0, 5) : t;
            if (IMPACT_PREFIXES.contains(base)) return IMPACT;
            if (!ATTEMPT_PREFIXES.contains(base)) compromise = true;
        }
        for (String c : cves) {
            if (c.equals("CVE-2021-26857") || c.equals("CVE-2021-26858") || c.equals("CVE-2021-27065")
                    || c.equals("CVE-2021-34523") || c.equals("CVE-2021-31207")) compromise = true;
        }
        return compromise ? COMPROMISE : ATTEMPT;
    }
}
