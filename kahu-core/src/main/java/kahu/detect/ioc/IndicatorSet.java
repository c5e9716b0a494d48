package kahu.detect.ioc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Many equality indicators in compact, allocation-free look-up structures, built once:
 * IPv4 addresses in an int-keyed open-addressing table and CIDR ranges in one such table per prefix
 * length (a look-up masks the address once per length present, at most 33); IPv6 the same with two
 * longs; domains in a string table probed with every label suffix (so {@code evil.com} also catches
 * {@code a.b.evil.com}); URLs normalised ({@link Urls}); MD5/SHA-1/SHA-256 as packed bytes; file names,
 * file paths and e-mail addresses lower-cased. Several indicators with the same value (two feeds, two
 * actors) are chained, so each match reports every source and actor.
 *
 * <p>Thread-safe after building; {@link #scan} finds indicators in free text (see {@link TextScanner}).
 */
public final class IndicatorSet {
    final Indicator[] indicators;
    /** next[i]: the next indicator with the same key as i, or -1 */
    final int[] next;

    final IntKeyTable ipv4;
    /** one bit per /16 that holds any IPv4 range: most addresses in a log skip the per-length range probes (8 KB, stays in L1) */
    final long[] ipv4RangeSixteens = new long[1024];
    /** the fewest labels any domain indicator has: shorter suffixes ("com") are not probed */
    final int minDomainLabels;
    final IntKeyTable[] ipv4Ranges = new IntKeyTable[33];
    /** prefix lengths with at least one IPv4 range, longest first */
    final int[] ipv4RangeLengths;
    final LongsKeyTable ipv6;
    final LongsKeyTable[] ipv6Ranges = new LongsKeyTable[129];
    final int[] ipv6RangeLengths;
    final LongsKeyTable md5, sha1, sha256;
    final StringKeyTable domains, urls, fileNames, emails;
    /** FILE_PATH indicators keyed by their last component, confirmed against the whole path on a hit */
    final StringKeyTable pathsByName;
    /** hosts of the URL indicators: a URL in a line is only cut out and normalised when its host is one of them */
    final StringKeyTable urlHosts;
    final boolean hasDotlessFileNames;
    /** which kinds are present, so the scanner skips whole branches for absent kinds */
    final boolean hasIpv4, hasIpv6, hasDomains, hasUrls, hasNames, hasEmails;
    final Map<IndicatorType, Integer> counts;

    private IndicatorSet(List<Indicator> list) {
        indicators = list.toArray(Indicator[]::new);
        next = new int[indicators.length];
        counts = new EnumMap<>(IndicatorType.class);
        int[] rangeCount4 = new int[33], rangeCount6 = new int[129];
        String[] keys = new String[indicators.length];
        for (int i = 0; i < indicators.length; i++) {
            Indicator ind = indicators[i];
            keys[i] = ind.type().normalise(ind.value());
            counts.merge(ind.type(), 1, Integer::sum);
            int slash = keys[i].indexOf('/');
            if (ind.type() == IndicatorType.IPV4 && slash > 0) rangeCount4[Integer.parseInt(keys[i].substring(slash + 1))]++;
            if (ind.type() == IndicatorType.IPV6 && slash > 0) rangeCount6[Integer.parseInt(keys[i].substring(slash + 1))]++;
        }
        ipv4 = new IntKeyTable(count(IndicatorType.IPV4));
        ipv6 = new LongsKeyTable(2, count(IndicatorType.IPV6));
        md5 = new LongsKeyTable(2, count(IndicatorType.MD5));
        sha1 = new LongsKeyTable(3, count(IndicatorType.SHA1));
        sha256 = new LongsKeyTable(4, count(IndicatorType.SHA256));
        domains = new StringKeyTable(count(IndicatorType.DOMAIN));
        urls = new StringKeyTable(count(IndicatorType.URL));
        fileNames = new StringKeyTable(count(IndicatorType.FILE_NAME));
        emails = new StringKeyTable(count(IndicatorType.EMAIL));
        pathsByName = new StringKeyTable(count(IndicatorType.FILE_PATH));
        urlHosts = new StringKeyTable(count(IndicatorType.URL));
        hasIpv4 = count(IndicatorType.IPV4) > 0;
        hasIpv6 = count(IndicatorType.IPV6) > 0;
        hasDomains = count(IndicatorType.DOMAIN) > 0;
        hasUrls = count(IndicatorType.URL) > 0;
        hasNames = count(IndicatorType.FILE_NAME) + count(IndicatorType.FILE_PATH) > 0;
        hasEmails = count(IndicatorType.EMAIL) > 0;
        for (int len = 0; len <= 32; len++) if (rangeCount4[len] > 0) ipv4Ranges[len] = new IntKeyTable(rangeCount4[len]);
        for (int len = 0; len <= 128; len++) if (rangeCount6[len] > 0) ipv6Ranges[len] = new LongsKeyTable(2, rangeCount6[len]);
        ipv4RangeLengths = lengthsPresent(rangeCount4);
        ipv6RangeLengths = lengthsPresent(rangeCount6);
        boolean dotless = false;
        int minLabels = Integer.MAX_VALUE;
        for (int i = 0; i < indicators.length; i++) {
            if (indicators[i].type() == IndicatorType.DOMAIN) minLabels = Math.min(minLabels, keys[i].split("\\.", -1).length);
            next[i] = insert(indicators[i].type(), keys[i], i);
            if (indicators[i].type() == IndicatorType.FILE_NAME && keys[i].indexOf('.') < 0) dotless = true;
            if (indicators[i].type() == IndicatorType.FILE_PATH && lastComponent(keys[i]).indexOf('.') < 0) dotless = true;
        }
        hasDotlessFileNames = dotless;
        minDomainLabels = minLabels == Integer.MAX_VALUE ? 1 : minLabels;
    }

    public static IndicatorSet of(Collection<Indicator> indicators) {
        return new IndicatorSet(List.copyOf(indicators));
    }

    private int count(IndicatorType t) {
        return counts.getOrDefault(t, 0);
    }

    private static int[] lengthsPresent(int[] counts) {
        List<Integer> out = new ArrayList<>();
        for (int len = counts.length - 1; len >= 0; len--) if (counts[len] > 0) out.add(len);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int insert(IndicatorType type, String key, int i) {
        return switch (type) {
            case IPV4 -> {
                int slash = key.indexOf('/');
                int addr = (int) Addresses.ipv4(key, 0, slash < 0 ? key.length() : slash);
                if (slash < 0) yield ipv4.put(addr, i);
                int len = Integer.parseInt(key.substring(slash + 1));
                long first = Integer.toUnsignedLong(addr) >>> 16, last = first + (len >= 16 ? 0 : (1L << (16 - len)) - 1);
                for (long b = first; b <= last; b++) ipv4RangeSixteens[(int) (b >>> 6)] |= 1L << b;
                yield ipv4Ranges[len].put(addr, i);
            }
            case IPV6 -> {
                long[] a = Addresses.ipv6Indicator(key);
                yield a[2] < 0 ? ipv6.put(a[0], a[1], 0, 0, i) : ipv6Ranges[(int) a[2]].put(a[0], a[1], 0, 0, i);
            }
            case MD5 -> putHash(md5, key, i);
            case SHA1 -> putHash(sha1, key, i);
            case SHA256 -> putHash(sha256, key, i);
            case DOMAIN -> domains.put(key, i);
            case URL -> {
                urlHosts.put(urlHost(key), i);
                yield urls.put(key, i);
            }
            case FILE_NAME -> fileNames.put(key, i);
            case EMAIL -> emails.put(key, i);
            case FILE_PATH -> pathsByName.put(lastComponent(key), i);
        };
    }

    private static int putHash(LongsKeyTable t, String hex, int i) {
        return t.put(Hex.word(hex, 0, hex.length()), Hex.word(hex, 1, hex.length()), Hex.word(hex, 2, hex.length()),
                Hex.word(hex, 3, hex.length()), i);
    }

    /** The host of a normalised URL: between "://" and the first '/', '?' or ':'. */
    static String urlHost(String url) {
        int from = url.indexOf("://") + 3, to = from;
        while (to < url.length() && "/?:".indexOf(url.charAt(to)) < 0) to++;
        return url.substring(from, to);
    }

    static String lastComponent(String path) {
        return path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
    }

    public int size() {
        return indicators.length;
    }

    public Map<IndicatorType, Integer> counts() {
        return Map.copyOf(counts);
    }

    // ---- look-ups by type and value ----

    /** Every indicator of this type matching the value (an address inside a range, a sub-domain, …). */
    public List<Indicator> match(IndicatorType type, String value) {
        List<Indicator> out = new ArrayList<>();
        match(type, value, (ind, s, e) -> out.add(ind));
        return out;
    }

    /** {@link #match(IndicatorType, String)} without collecting: each indicator goes to {@code hit} (range 0, 0). */
    void match(IndicatorType type, String value, IndicatorHit hit) {
        if (value == null || value.isBlank()) return;
        String v = value.strip();
        switch (type) {
            case IPV4 -> {
                long a = Addresses.ipv4(v, 0, v.length());
                if (a != Long.MIN_VALUE) ipv4((int) a, hit, 0, 0);
            }
            case IPV6 -> {
                long[] a = Addresses.ipv6(v, 0, v.length());
                if (a != null) ipv6(a[0], a[1], hit, 0, 0);
            }
            case DOMAIN -> domain(v, 0, v.length(), hit);
            case URL -> {
                // Most logged URLs are on hosts no indicator names: skip normalising (and its exceptions) for them.
                if (!urlHostListed(v)) return;
                try {
                    chain(urls.get(Urls.normalise(v)), hit, 0, 0);
                } catch (IllegalArgumentException notUrl) {
                    // not a URL: nothing to match
                }
            }
            case MD5, SHA1, SHA256 -> hash(v, 0, v.length(), hit);
            case FILE_NAME -> chain(fileNames.get(lastComponent(v)), hit, 0, 0);
            case FILE_PATH -> {
                String key = Text.lower(v).replace('/', '\\');
                for (int i = pathsByName.get(lastComponent(key)); i >= 0; i = next[i]) {
                    if (indicators[i].type().normalise(indicators[i].value()).equals(key)) hit.hit(indicators[i], 0, 0);
                }
            }
            case EMAIL -> chain(emails.get(v), hit, 0, 0);
        }
    }

    /** Whether the host of a URL (scheme optional, as {@link Urls} reads it) is the host of a URL indicator. */
    private boolean urlHostListed(String url) {
        int sep = url.indexOf("://");
        int from = sep < 0 ? 0 : sep + 3, to = from;
        while (to < url.length() && "/?#:".indexOf(url.charAt(to)) < 0) to++;
        return to > from && urlHosts.get(url, from, to) >= 0;
    }

    /** Finds every indicator occurring in a line of text; see {@link TextScanner} for how. */
    public void scan(CharSequence line, IndicatorHit hit) {
        TextScanner.scan(this, line, hit);
    }

    public List<TextMatch> scanAll(CharSequence line) {
        List<TextMatch> out = new ArrayList<>();
        scan(line, (ind, s, e) -> out.add(new TextMatch(ind, s, e)));
        return out;
    }

    // ---- primitive look-ups shared by match() and the scanner ----

    void chain(int head, IndicatorHit hit, int start, int end) {
        for (int i = head; i >= 0; i = next[i]) hit.hit(indicators[i], start, end);
    }

    void ipv4(int addr, IndicatorHit hit, int start, int end) {
        chain(ipv4.get(addr), hit, start, end);
        int sixteen = addr >>> 16;
        if ((ipv4RangeSixteens[sixteen >>> 6] & (1L << sixteen)) == 0) return;
        for (int len : ipv4RangeLengths) chain(ipv4Ranges[len].get(addr & Addresses.mask4(len)), hit, start, end);
    }

    void ipv6(long hi, long lo, IndicatorHit hit, int start, int end) {
        chain(ipv6.get(hi, lo, 0, 0), hit, start, end);
        for (int len : ipv6RangeLengths) {
            chain(ipv6Ranges[len].get(hi & Addresses.maskHi(len), lo & Addresses.maskLo(len), 0, 0), hit, start, end);
        }
    }

    /**
     * The domain s[start, end) and each of its parent domains at label boundaries (with at least as many
     * labels as the shortest domain indicator). Returns the backward hash of the whole range, which the
     * file-name look-up of the same token reuses.
     */
    long domain(CharSequence s, int start, int end, IndicatorHit hit) {
        long h = Text.FNV_OFFSET;
        int labels = 1;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            h = (h ^ Text.lower(c)) * Text.FNV_PRIME;
            if (i == start || s.charAt(i - 1) == '.') {
                if (labels >= minDomainLabels) chain(domains.get(h, s, i, end), hit, start, end);
                labels++;
            }
        }
        return h;
    }

    /** A hex hash s[start, end) of 32, 40 or 64 digits. */
    void hash(CharSequence s, int start, int end, IndicatorHit hit) {
        int n = end - start;
        LongsKeyTable t = n == 32 ? md5 : n == 40 ? sha1 : n == 64 ? sha256 : null;
        if (t == null) return;
        for (int i = start; i < end; i++) if (Character.digit(s.charAt(i), 16) < 0) return;
        chain(t.get(Hex.word(s, start, 0, n), Hex.word(s, start, 1, n), Hex.word(s, start, 2, n), Hex.word(s, start, 3, n)), hit, start, end);
    }
}
