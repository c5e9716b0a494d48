package kahu.detect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One finding: which rule or indicator fired, how serious it is, the ATT&CK techniques it is evidence
 * of, the observables it saw (attacker IP, user agent, targeted mailbox, web-shell path and hash, …),
 * and where it came from (file and line or record), so that an analyst can go and look.
 *
 * @param engine      "sigma", "indicator" or "webshell"
 * @param ruleId      the Sigma rule id, the indicator's id or value, or the web-shell signature
 * @param level       informational, low, medium, high or critical
 * @param techniques  ATT&CK technique IDs (from the rule's tags, or the indicator's context)
 * @param observables STIX-style keys ("ipv4-addr", "user-agent", "email-addr", "file:path", "file:sha256", "url") to values
 * @param host        the host the event is about, when known
 * @param location    "file:line" or "file#record"
 * @param actor       for indicator matches, the actor the indicator is attributed to (knowledge-base key), else null
 */
public record Detection(String engine, String ruleId, String title, String level, Instant timestamp, List<String> techniques,
                        Map<String, List<String>> observables, String host, String location, String actor) {
    public Detection {
        techniques = List.copyOf(techniques);
        observables = Map.copyOf(observables);
    }
}
