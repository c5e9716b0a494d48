package kahu.detect.ioc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic made-up indicators and IIS-like logs for the memory measurement and the scan benchmark
 * (kahu-bench {@code IndicatorScanBench}); never used on the product path. The mix follows what feeds
 * carry most: addresses, domains and hashes.
 */
public final class SyntheticIndicators {
    private static final String[] TLDS = {"com", "net", "org", "info", "ru", "cn", "io", "biz", "xyz", "top"};
    private static final String SOURCE = "synthetic-feed";

    private SyntheticIndicators() {}

    /** {@code n} indicators: 30% IPv4 (a tenth of them /24../28 ranges), 2% IPv6, 25% domains, 5% URLs, 10% MD5, 8% SHA-1, 15% SHA-256, 3% file names, 2% e-mail. */
    public static List<Indicator> generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Indicator> out = new ArrayList<>(n);
        String[] actors = {"kahu:apt40", "G0016", "G0065", null, null};
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(100);
            IndicatorType t;
            String v;
            if (k < 30) {
                t = IndicatorType.IPV4;
                v = ipv4(r);
                if (r.nextInt(10) == 0) v = v.substring(0, v.lastIndexOf('.')) + ".0/" + (24 + r.nextInt(5));
            } else if (k < 32) {
                t = IndicatorType.IPV6;
                v = String.format("2001:db8:%x:%x::%x", r.nextInt(65536), r.nextInt(65536), r.nextInt(65536));
            } else if (k < 57) {
                t = IndicatorType.DOMAIN;
                v = domain(r);
            } else if (k < 62) {
                t = IndicatorType.URL;
                v = "http://" + domain(r) + "/" + word(r, 4, 10) + "/" + word(r, 3, 8) + ".php";
            } else if (k < 72) {
                t = IndicatorType.MD5;
                v = hex(r, 16);
            } else if (k < 80) {
                t = IndicatorType.SHA1;
                v = hex(r, 20);
            } else if (k < 95) {
                t = IndicatorType.SHA256;
                v = hex(r, 32);
            } else if (k < 98) {
                t = IndicatorType.FILE_NAME;
                v = word(r, 5, 12) + (r.nextBoolean() ? ".exe" : ".aspx");
            } else {
                t = IndicatorType.EMAIL;
                v = word(r, 4, 10) + "@" + domain(r);
            }
            out.add(new Indicator(t, v, SOURCE, actors[r.nextInt(actors.length)], null, null));
        }
        return out;
    }

    /**
     * An IIS W3C log of about {@code bytes} bytes; one line in {@code hitEvery} carries a value from
     * {@code plant} (an address as c-ip, a domain as the host, a hash or file name in the query).
     */
    public static void writeIisLog(Path file, long bytes, List<Indicator> plant, int hitEvery, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] stems = {"/owa/auth/logon.aspx", "/ecp/default.aspx", "/EWS/Exchange.asmx", "/Microsoft-Server-ActiveSync",
                "/autodiscover/autodiscover.xml", "/owa/service.svc", "/mapi/emsmdb/", "/rpc/rpcproxy.dll", "/owa/auth/15.2.1118/themes/resources/favicon.ico"};
        String[] agents = {"Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/118.0.0.0+Safari/537.36",
                "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.5413;+Pro)", "Apple-iPhone14C2/2006.106", "python-requests/2.31.0"};
        long written = 0;
        long line = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query "
                    + "s-port cs-username c-ip cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status time-taken\n");
            StringBuilder sb = new StringBuilder(400);
            while (written < bytes) {
                sb.setLength(0);
                line++;
                String cip = "192.0.2." + r.nextInt(1, 255);
                String host = "mail.contoso.com";
                String query = "clientId=" + hex(r, 8) + "&corrId=" + r.nextInt(1_000_000);
                if (line % hitEvery == 0 && !plant.isEmpty()) {
                    Indicator ind = plant.get(r.nextInt(plant.size()));
                    String v = ind.value();
                    switch (ind.type()) {
                        case IPV4 -> cip = v.contains("/") ? v.substring(0, v.indexOf('/') - 1) + "9" : v;
                        case DOMAIN -> host = "www." + v;
                        case URL -> query = "ref=" + v;
                        default -> query = "x=" + v;
                    }
                }
                sb.append("2026-11-").append(10 + r.nextInt(18)).append(' ').append(String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60)))
                        .append(" 10.0.0.5 ").append(r.nextInt(4) == 0 ? "POST " : "GET ").append(stems[r.nextInt(stems.length)]).append(' ')
                        .append(query).append(" 443 CONTOSO\\user").append(r.nextInt(5000)).append(' ').append(cip).append(' ')
                        .append(agents[r.nextInt(agents.length)]).append(" https://").append(host).append("/owa/ ").append(host)
                        .append(' ').append(r.nextInt(10) == 0 ? 302 : 200).append(" 0 0 ").append(r.nextInt(2000)).append('\n');
                w.append(sb);
                written += sb.length();
            }
        }
    }

    /** The indicator values one per line, as {@code grep -F -f} reads them (ranges as their network address). */
    public static void writeGrepPatterns(Path file, List<Indicator> indicators) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (Indicator i : indicators) {
                String v = i.value();
                w.write(v.contains("/") && (i.type() == IndicatorType.IPV4 || i.type() == IndicatorType.IPV6) ? v.substring(0, v.indexOf('/')) : v);
                w.write('\n');
            }
        }
    }

    private static String ipv4(SplittableRandom r) {
        return r.nextInt(1, 224) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static String domain(SplittableRandom r) {
        return (r.nextInt(4) == 0 ? word(r, 2, 6) + "." : "") + word(r, 5, 14) + "." + TLDS[r.nextInt(TLDS.length)];
    }

    private static String word(SplittableRandom r, int min, int max) {
        int len = r.nextInt(min, max + 1);
        char[] c = new char[len];
        for (int i = 0; i < len; i++) c[i] = (char) ('a' + r.nextInt(26));
        return new String(c);
    }

    private static String hex(SplittableRandom r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
