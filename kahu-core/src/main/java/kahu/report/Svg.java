package kahu.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small inline SVG charts: no script, no fonts or images fetched, so the report opens anywhere. */
final class Svg {
    static final String[] PALETTE = {"#1b6ca8", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#66a182", "#8d96a3",
            "#e07a5f", "#3d405b", "#81b29a", "#f2cc8f", "#2a9d8f"};

    private Svg() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String colour(List<String> keys, String key) {
        int i = keys.indexOf(key);
        return i < 0 ? "#999" : PALETTE[i % PALETTE.length];
    }

    /** Horizontal bars, one per entry, largest first. */
    static String bars(String title, Map<String, Integer> values, List<String> colourKeys) {
        int max = values.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int rowH = 22, labelW = 260, barW = 360, h = 30 + rowH * values.size();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='%s'>",
                labelW + barW + 60, h, esc(title)));
        s.append("<text x='0' y='16' font-weight='bold'>").append(esc(title)).append("</text>");
        int y = 30;
        for (var e : values.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList()) {
            int w = (int) Math.round((double) e.getValue() / max * barW);
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end' font-size='12'>%s</text>", labelW - 6, y + 14,
                    esc(e.getKey())));
            s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='%s'/>", labelW, y + 2, Math.max(w, 1),
                    rowH - 6, colourKeys == null ? PALETTE[0] : colour(colourKeys, e.getKey())));
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='12'>%d</text>", labelW + w + 4, y + 14, e.getValue()));
            y += rowH;
        }
        return s.append("</svg>").toString();
    }

    /** A probability bar over the PHIA yardstick's bands, the estimate marked. */
    static String probability(double p) {
        double[][] bands = {{0, .05}, {.10, .20}, {.25, .35}, {.40, .50}, {.55, .75}, {.80, .90}, {.95, 1}};
        int w = 300;
        StringBuilder s = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='310' height='18'>");
        s.append("<rect x='0' y='4' width='300' height='10' fill='#eee'/>");
        for (double[] b : bands) {
            s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='4' width='%.1f' height='10' fill='#c9d6e3'/>", b[0] * w,
                    (b[1] - b[0]) * w));
        }
        s.append(String.format(Locale.ROOT, "<rect x='%.1f' y='0' width='3' height='18' fill='#d1495b'/>", Math.min(p, 0.99) * w));
        return s.append("</svg>").toString();
    }
}
