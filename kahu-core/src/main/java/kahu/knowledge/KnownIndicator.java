package kahu.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * Infrastructure an actor was reported to use, valid only inside its window: addresses and
 * domains change hands, so an old indicator is weaker evidence than a fresh one.
 *
 * @param type ipv4-addr, ipv6-addr, domain-name, url, file-sha256, file-md5, file-sha1,
 *             autonomous-system or x509-sha1
 * @param validUntil null when open-ended
 */
public record KnownIndicator(String type, String value, LocalDate validFrom, LocalDate validUntil, List<String> sources) {
    public KnownIndicator {
        sources = List.copyOf(sources);
    }
}
