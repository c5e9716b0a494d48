package kahu.detect.ioc;

import kahu.knowledge.Actor;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnownIndicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where indicators come from: CSV IOC feeds, STIX bundles, MISP events and the knowledge base. Each
 * loader reads the whole source, keeps what is valid and reports every bad record with file and
 * line or record number ({@link Feed#problems()}).
 */
public final class IndicatorFeeds {
    private IndicatorFeeds() {}

    /** A CSV feed with Indicator and IndicatorType columns (the MSTIC format). */
    public static Feed fromCsv(Path file) {
        try {
            return CsvFeed.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A STIX 2.x bundle: equality indicators for the fast set, other patterns compiled. */
    public static Feed fromStixBundle(Path file) {
        try {
            return StixFeed.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * A MISP event, with to_ids defaults for the indexed types built in (from MISP's describeTypes.json);
     * attributes of other types are skipped silently.
     */
    public static Feed fromMispEvent(Path file) {
        try {
            return MispFeed.read(file, MispFeed.DescribeTypes.BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A MISP event checked against MISP's full attribute-type registry ({@code describeTypes.json}): unknown types are reported. */
    public static Feed fromMispEvent(Path file, Path describeTypesJson) {
        try {
            return MispFeed.read(file, MispFeed.DescribeTypes.read(describeTypesJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Knowledge-base infrastructure kinds → ours; autonomous systems and certificate hashes are not text indicators. */
    private static final Map<String, IndicatorType> KB_TYPES = Map.of(
            "ipv4-addr", IndicatorType.IPV4, "ipv6-addr", IndicatorType.IPV6, "domain-name", IndicatorType.DOMAIN,
            "url", IndicatorType.URL, "file-sha256", IndicatorType.SHA256, "file-md5", IndicatorType.MD5, "file-sha1", IndicatorType.SHA1);

    /**
     * Every actor's known infrastructure, attributed to that actor's key, valid from the first day of its
     * window through the last (inclusive, so the window ends at the next midnight UTC).
     */
    public static Feed fromKnowledgeBase(KnowledgeBase kb) {
        List<Indicator> out = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        for (Actor a : kb.actors()) {
            int index = 0;
            for (KnownIndicator k : a.infrastructure()) {
                index++;
                IndicatorType t = KB_TYPES.get(k.type());
                if (t == null) continue;
                String source = "kb:" + a.key() + (k.sources().isEmpty() ? "" : " (" + String.join(", ", k.sources()) + ")");
                try {
                    out.add(new Indicator(t, k.value(), source, a.key(), startOf(k.validFrom()),
                            k.validUntil() == null ? null : startOf(k.validUntil().plusDays(1))));
                } catch (IllegalArgumentException e) {
                    problems.add(new FeedProblem("kb:" + a.key(), index, e.getMessage()));
                }
            }
        }
        return new Feed(out, List.of(), problems);
    }

    private static java.time.Instant startOf(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
