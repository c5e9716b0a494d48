package kahu.detect.ioc;

/**
 * Finds every indicator of an {@link IndicatorSet} in a line of text by tokenising the line once and
 * looking each token up in the set's hash tables.
 *
 * <p>Why not Aho-Corasick over all indicator strings: with a million indicators the automaton has tens
 * of millions of nodes (gigabytes as Java objects), every byte of every line walks it with a cache miss,
 * and it still cannot do CIDR ranges, sub-domains or case-folding by type. Indicators are tokens with a
 * shape (dotted quad, 32/40/64 hex digits, dotted labels, local@domain), so one pass that classifies
 * characters into token flags, then one or two table probes per token of a plausible shape, costs a few
 * nanoseconds a byte whatever the number of indicators, and allocates nothing per line (an IPv6
 * candidate or a URL with "://" are the only tokens that make objects, and only when such indicators exist).
 *
 * <p>Tokens are runs of letters, digits and {@code . - _ @ :}; everything else (space, / \ ? & = + % quotes,
 * brackets, commas) separates them, so a path yields its file name and a URL its host.
 */
final class TextScanner {
    private TextScanner() {}

    static final int DIGIT = 1, HEXA = 2, ALPHA = 4, DOT = 8, DASH = 16, AT = 32, COLON = 64, WIDE = 128;
    /** Character classes of the Latin-1 range; 0 separates tokens. */
    private static final int[] CLASS = new int[256];
    /** The same for raw log bytes (one byte each, to stay in L1): every byte >= 128 is part of a word (UTF-8 letters), and a newline (-1) ends a line. */
    private static final byte[] BYTE_CLASS = new byte[256];

    static {
        for (char c = '0'; c <= '9'; c++) CLASS[c] = DIGIT;
        for (char c = 'a'; c <= 'z'; c++) CLASS[c] = c <= 'f' ? HEXA : ALPHA;
        for (char c = 'A'; c <= 'Z'; c++) CLASS[c] = c <= 'F' ? HEXA : ALPHA;
        CLASS['.'] = DOT;
        CLASS['-'] = DASH;
        CLASS['_'] = DASH;
        CLASS['@'] = AT;
        CLASS[':'] = COLON;
        for (char c = 128; c < 256; c++) CLASS[c] = Character.isLetterOrDigit(c) ? WIDE : 0;
        for (int b = 0; b < 128; b++) BYTE_CLASS[b] = (byte) CLASS[b];
        for (int b = 128; b < 256; b++) BYTE_CLASS[b] = ALPHA; // UTF-8 bytes of letters: word characters that are not hex
        BYTE_CLASS['\n'] = -1;
    }

    private static int classOf(char c) {
        if (c < 256) return CLASS[c];
        return Character.isLetterOrDigit(c) ? WIDE : 0;
    }

    static void scan(IndicatorSet set, CharSequence s, IndicatorHit hit) {
        int n = s.length();
        boolean wantUrls = set.hasUrls;
        int i = 0;
        while (i < n) {
            int cls = classOf(s.charAt(i));
            if (cls == 0) {
                i++;
                continue;
            }
            int start = i, flags = 0;
            do {
                flags |= cls;
                if (++i == n) break;
                cls = classOf(s.charAt(i));
            } while (cls != 0);
            if (wantUrls && i + 1 < n && s.charAt(i - 1) == ':' && s.charAt(i) == '/' && s.charAt(i + 1) == '/') url(set, s, start, hit);
            if ((flags & (DOT | AT | COLON)) == 0 && !set.hasDotlessFileNames && !hashShaped(flags, i - start)) continue; // words, numbers, dates
            token(set, s, start, i, flags, hit);
        }
    }

    /**
     * Scans the complete lines in buf[from, to) (the caller keeps a partial last line for the next
     * block) in one pass that splits lines and tokens together. Hits are reported through {@code ctx},
     * which knows the current line. Returns the number of lines.
     */
    static long scanBlock(IndicatorSet set, byte[] buf, int from, int to, BlockContext ctx) {
        boolean wantUrls = set.hasUrls;
        AsciiLine view = ctx.view;
        int lineStart = from;
        long lines = 0;
        ctx.line(buf, lineStart, to);
        view.reset(buf, lineStart, to);
        int i = from;
        while (i < to) {
            int cls = BYTE_CLASS[buf[i] & 0xff];
            if (cls <= 0) {
                i++;
                if (cls < 0) {
                    lines++;
                    lineStart = i;
                    ctx.nextLine(lineStart);
                    view.reset(buf, lineStart, to);
                }
                continue;
            }
            int start = i, flags = 0;
            do {
                flags |= cls;
                if (++i == to) break;
                cls = BYTE_CLASS[buf[i] & 0xff];
            } while (cls > 0);
            if (wantUrls && i + 1 < to && buf[i - 1] == ':' && buf[i] == '/' && buf[i + 1] == '/') url(set, view, start - lineStart, ctx);
            if ((flags & (DOT | AT | COLON)) == 0 && !set.hasDotlessFileNames && !hashShaped(flags, i - start)) continue; // words, numbers, dates
            token(set, view, start - lineStart, i - lineStart, flags, ctx);
        }
        return lines;
    }

    /** Where the block scan is: the current line for hit reports (its end is found only when something hits). */
    static final class BlockContext implements IndicatorHit {
        final AsciiLine view = new AsciiLine();
        private final AsciiLine exact = new AsciiLine();
        private final LogScan.LineHit target;
        private byte[] buf;
        private int lineStart, limit;
        long lineNo;

        BlockContext(LogScan.LineHit target) {
            this.target = target;
        }

        void line(byte[] buf, int lineStart, int limit) {
            this.buf = buf;
            this.lineStart = lineStart;
            this.limit = limit;
            lineNo++;
        }

        void nextLine(int start) {
            lineStart = start;
            lineNo++;
        }

        @Override
        public void hit(Indicator indicator, int start, int end) {
            int lineEnd = lineStart;
            while (lineEnd < limit && buf[lineEnd] != '\n') lineEnd++;
            if (lineEnd > lineStart && buf[lineEnd - 1] == '\r') lineEnd--;
            target.hit(lineNo, indicator, exact.reset(buf, lineStart, lineEnd), start, end);
        }
    }

    private static void token(IndicatorSet set, CharSequence s, int start, int end, int flags, IndicatorHit hit) {
        if ((flags & COLON) != 0) {
            if (flags == (DIGIT | COLON) && !set.hasIpv6) return; // clock times
            if ((flags & ~(DIGIT | HEXA | COLON)) == 0 && set.hasIpv6 && plausibleIpv6(s, start, end)) {
                long[] a = Addresses.ipv6(s, start, end);
                if (a != null) set.ipv6(a[0], a[1], hit, start, end);
            }
            if ((flags & ~(DIGIT | COLON | DASH)) == 0) return; // clock times and counters: the pieces are numbers
            int p = start;
            for (int k = start; k <= end; k++) {
                if (k == end || s.charAt(k) == ':') {
                    if (k > p) token(set, s, p, k, flagsOf(s, p, k), hit);
                    p = k + 1;
                }
            }
            return;
        }
        // Trailing dots and dashes belong to the sentence, not the name ("seen at evil.com.").
        int s0 = start, e0 = end;
        while (s0 < e0 && (classOf(s.charAt(s0)) & (DOT | DASH)) != 0) s0++;
        while (e0 > s0 && (classOf(s.charAt(e0 - 1)) & (DOT | DASH)) != 0) e0--;
        if (s0 == e0) return;
        if ((flags & ~(DIGIT | DOT)) == 0) {
            if ((flags & DOT) != 0 && e0 - s0 >= 7 && set.hasIpv4) {
                long a = Addresses.ipv4(s, s0, e0);
                if (a != Long.MIN_VALUE) set.ipv4((int) a, hit, s0, e0);
            }
            return; // numbers and versions are neither names nor hashes
        }
        int len = e0 - s0;
        if ((flags & ~(DIGIT | HEXA)) == 0 && (len == 32 || len == 40 || len == 64)) {
            set.hash(s, s0, e0, hit);
            return;
        }
        int hostStart = s0;
        if ((flags & AT) != 0 && set.hasEmails) {
            set.chain(set.emails.get(s, s0, e0), hit, s0, e0);
        }
        if ((flags & AT) != 0) {
            for (int k = e0 - 1; k > s0; k--) {
                if (s.charAt(k) == '@') {
                    hostStart = k + 1;
                    break;
                }
            }
        }
        long hash = 0;
        boolean hashed = false;
        if ((flags & DOT) != 0 && hostStart < e0 && set.hasDomains) {
            hash = set.domain(s, hostStart, e0, hit);
            hashed = hostStart == start && e0 == end;
        }
        if (set.hasNames && ((flags & DOT) != 0 || set.hasDotlessFileNames)) {
            fileName(set, s, start, end, hashed ? hash : Text.hashBackward(s, start, end), hit);
        }
    }

    private static void fileName(IndicatorSet set, CharSequence s, int start, int end, long h, IndicatorHit hit) {
        set.chain(set.fileNames.get(h, s, start, end), hit, start, end);
        for (int i = set.pathsByName.get(h, s, start, end); i >= 0; i = set.next[i]) {
            String path = set.indicators[i].type().normalise(set.indicators[i].value());
            int from = end - path.length();
            if (from >= 0 && pathEquals(path, s, from, end)) hit.hit(set.indicators[i], from, end);
        }
    }

    private static boolean pathEquals(String path, CharSequence s, int from, int end) {
        for (int k = 0; k < path.length(); k++) {
            char c = Text.lower(s.charAt(from + k));
            if (c == '/') c = '\\';
            if (c != path.charAt(k)) return false;
        }
        return true;
    }

    /** A URL starting at {@code start} (its scheme) and running to the next space or quote. */
    private static void url(IndicatorSet set, CharSequence s, int start, IndicatorHit hit) {
        int hostStart = start;
        while (s.charAt(hostStart) != ':') hostStart++;
        hostStart += 3;
        int hostEnd = hostStart;
        while (hostEnd < s.length() && (classOf(s.charAt(hostEnd)) & ~(AT | COLON)) != 0) hostEnd++;
        if (hostEnd == hostStart || set.urlHosts.get(s, hostStart, hostEnd) < 0) return; // no URL indicator on this host
        int end = start;
        while (end < s.length() && " \t\r\n\"'<>|`".indexOf(s.charAt(end)) < 0) end++;
        // The whole URL, then each prefix ending before a '?', '&' or '#': a logged URL carries a query the
        // indicator may not have, or sits inside another URL's query (q=http://evil/x.php&y=1).
        int cut = end;
        while (true) {
            try {
                set.chain(set.urls.get(Urls.normalise(s.subSequence(start, cut).toString())), hit, start, cut);
            } catch (IllegalArgumentException notAUrl) {
                return;
            }
            int next = cut - 1;
            while (next > hostEnd && "?&#".indexOf(s.charAt(next)) < 0) next--;
            if (next <= hostEnd) return;
            cut = next;
        }
    }

    /** Filters out clock times (12:34:56) and MAC-like noise before paying for an IPv6 parse. */
    private static boolean plausibleIpv6(CharSequence s, int start, int end) {
        int colons = 0;
        boolean doubleColon = false;
        for (int k = start; k < end; k++) {
            if (s.charAt(k) == ':') {
                colons++;
                if (k + 1 < end && s.charAt(k + 1) == ':') doubleColon = true;
            }
        }
        return doubleColon ? colons >= 2 || end - start > 2 : colons == 7;
    }

    private static boolean hashShaped(int flags, int length) {
        return (flags & ~(DIGIT | HEXA)) == 0 && (length == 32 || length == 40 || length == 64);
    }

    private static int flagsOf(CharSequence s, int start, int end) {
        int f = 0;
        for (int k = start; k < end; k++) f |= classOf(s.charAt(k));
        return f;
    }
}
