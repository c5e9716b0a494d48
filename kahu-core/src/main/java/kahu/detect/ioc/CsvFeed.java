package kahu.detect.ioc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV IOC feeds with a header naming the indicator and its type, such as Microsoft's MSTIC
 * "ExchangeServerVulnerabilitiesDisclosedMarch2021" list ({@code DateAdded,FirstSeen,Indicator,IndicatorType,TLP},
 * types {@code sha256}, {@code filepath}, {@code domainname}). Quoted fields follow RFC 4180.
 */
final class CsvFeed {
    private CsvFeed() {}

    /** Feed type spellings → our types; "ip" is split into IPv4/IPv6 by the value. */
    private static final Map<String, IndicatorType> TYPES = Map.ofEntries(
            Map.entry("ipv4", IndicatorType.IPV4), Map.entry("ipv6", IndicatorType.IPV6),
            Map.entry("domain", IndicatorType.DOMAIN), Map.entry("domainname", IndicatorType.DOMAIN),
            Map.entry("hostname", IndicatorType.DOMAIN), Map.entry("fqdn", IndicatorType.DOMAIN),
            Map.entry("url", IndicatorType.URL), Map.entry("uri", IndicatorType.URL),
            Map.entry("md5", IndicatorType.MD5), Map.entry("sha1", IndicatorType.SHA1), Map.entry("sha256", IndicatorType.SHA256),
            Map.entry("filename", IndicatorType.FILE_NAME), Map.entry("filepath", IndicatorType.FILE_PATH),
            Map.entry("email", IndicatorType.EMAIL), Map.entry("emailaddress", IndicatorType.EMAIL));

    static Feed read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Indicator> out = new ArrayList<>();
        List<FeedProblem> problems = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = r.readLine();
            if (headerLine == null) return new Feed(out, List.of(), List.of(new FeedProblem(name, 1, "empty file, expected a header")));
            List<String> header = split(headerLine.replace("\uFEFF", "")).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int valueCol = firstOf(header, "indicator", "value", "ioc", "observable");
            int typeCol = firstOf(header, "indicatortype", "type", "ioc_type");
            if (valueCol < 0 || typeCol < 0) {
                return new Feed(out, List.of(), List.of(new FeedProblem(name, 1, "header needs an Indicator and an IndicatorType column: " + headerLine)));
            }
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                List<String> cols = split(line);
                if (cols.size() != header.size()) {
                    problems.add(new FeedProblem(name, lineNo, "expected " + header.size() + " columns, found " + cols.size()));
                    continue;
                }
                String typeName = cols.get(typeCol).strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                String value = cols.get(valueCol).strip();
                IndicatorType type = typeName.equals("ip") || typeName.equals("ipaddress")
                        ? (value.indexOf(':') >= 0 ? IndicatorType.IPV6 : IndicatorType.IPV4)
                        : TYPES.get(typeName);
                if (type == null) {
                    problems.add(new FeedProblem(name, lineNo, "unknown indicator type '" + cols.get(typeCol) + "'"));
                    continue;
                }
                try {
                    out.add(new Indicator(type, value, name, null, null, null));
                } catch (IllegalArgumentException e) {
                    problems.add(new FeedProblem(name, lineNo, e.getMessage()));
                }
            }
        }
        return new Feed(out, List.of(), problems);
    }

    private static int firstOf(List<String> header, String... names) {
        for (String n : names) if (header.contains(n)) return header.indexOf(n);
        return -1;
    }

    /** One CSV record's fields; a quoted field may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
