package kahu.report;

import kahu.attribution.Assessment;
import kahu.correlate.Campaign;
import kahu.correlate.Incident;
import kahu.investigate.InvestigationResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static kahu.report.Svg.esc;

/** {@code report.html}: one self-contained page (inline CSS and SVG, no scripts), victims by pseudonym only. */
public final class HtmlReport {
    private HtmlReport() {}

    /** The report as one string (for tests and small investigations; {@link #write} streams it). */
    public static String of(InvestigationResult r) {
        return ReportOut.asString(w -> write(r, w));
    }

    /**
     * Writes the report to {@code writer}, a section at a time: at national scale it runs to hundreds of megabytes
     * (434 MB of Markdown at 250,000 servers), which as one string took that much heap twice over at the end of a run.
     */
    public static void write(InvestigationResult r, java.io.PrintWriter writer) {
        ReportOut h = new ReportOut(writer);
        ReportView v = new ReportView(r);
        List<String> actors = new ArrayList<>(new java.util.TreeSet<>(v.actorOfIncident.values()));
        h.append("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Kahu investigation report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}")
                .append(".tlp{background:#000;color:#ffc000;padding:2px 8px;font-weight:bold}.card{display:inline-block;margin:0 1em 1em 0;")
                .append("padding:.6em 1em;border:1px solid #ccc;border-radius:6px}.card b{font-size:1.6em;display:block}")
                .append("</style></head><body>");
        h.append("<p><span class='tlp'>TLP:AMBER</span> Victims appear by pseudonym and sector only.</p>");
        h.append("<h1>Kahu investigation report</h1>");
        card(h, "organisations affected", r.affected().size() + " of " + r.organisations().size());
        card(h, "incidents", String.valueOf(r.incidents().size()));
        card(h, "serious (cat. 1–3)", String.valueOf(r.statistics().serious()));
        card(h, "campaigns", String.valueOf(r.campaigns().size()));
        card(h, "events read", String.format("%,d", r.scan().events()));
        h.append("<p><b>").append(esc(r.statistics().statement())).append("</b><br><small>").append(esc(r.statistics().method()))
                .append("</small></p>");

        h.append("<h2>Timeline</h2>").append(timeline(r, v, actors));
        h.append("<h2>Incidents by actor and sector</h2>");
        Map<String, Integer> byActor = new TreeMap<>(), bySector = new TreeMap<>();
        v.byActorAndSector().forEach((a, m) -> m.forEach((s, n) -> {
            byActor.merge(a, n, Integer::sum);
            bySector.merge(s, n, Integer::sum);
        }));
        h.append(Svg.bars("Compromises by attributed actor", byActor, actors)).append("<br>");
        h.append(Svg.bars("Compromises by victim sector", bySector, null));

        h.append("<h2>Campaigns and attribution</h2>");
        if (r.campaigns().isEmpty()) h.append("<p>No incidents were linked into campaigns.</p>");
        else h.append(graph(r, v, actors));
        for (Campaign c : r.campaigns()) {
            Assessment a = r.assessments().get(c.id());
            h.append("<h3>").append(esc(c.id())).append(" — ").append(esc(AttributionWords.headline(a))).append("</h3>");
            h.append(String.format("<p>%d incidents at %d organisations, %s to %s.</p>", c.incidents().size(), c.organisations(),
                    c.first().truncatedTo(ChronoUnit.MINUTES), c.last().truncatedTo(ChronoUnit.MINUTES)));
            if (a != null) {
                h.append("<p>").append(esc(a.statement())).append("</p><table><tr><th>Hypothesis</th><th>Probability</th><th>PHIA</th>")
                        .append("<th>ICD 203</th><th>Strongest evidence (log10 LR)</th></tr>");
                a.hypotheses().stream().limit(4).forEach(x -> h.append("<tr><td>").append(esc(x.label())).append("</td><td>")
                        .append(Svg.probability(x.probability())).append(' ').append(AttributionWords.pct(x.probability()))
                        .append("</td><td>").append(esc(x.phia().term())).append("</td><td>").append(esc(x.icd203().term()))
                        .append("</td><td>").append(esc(String.join(", ", x.evidence().stream().limit(3)
                                .map(e -> e.evidence().label() + String.format(Locale.ROOT, " %+.2f", e.weight())).toList())))
                        .append("</td></tr>"));
                h.append("<tr><td>").append(Assessment.UNKNOWN_ACTOR).append("</td><td>").append(Svg.probability(a.unknownActorProbability()))
                        .append(' ').append(AttributionWords.pct(a.unknownActorProbability())).append("</td><td>")
                        .append(esc(a.unknownPhia().term())).append("</td><td></td><td></td></tr></table>");
                h.append("<p>Confidence: ").append(esc(a.confidence().level().label())).append(" — ")
                        .append(esc(String.join("; ", a.confidence().reasons()))).append("</p>");
            }
            h.append("<p><small>Linked by: ").append(esc(String.join("; ", c.links().stream().limit(6)
                    .map(l -> l.kind() + " " + l.value() + " (" + l.incidents().size() + " incidents)").toList()))).append("</small></p>");
        }

        h.append("<h2>Incidents</h2><table><tr><th>Incident</th><th>Cat.</th><th>Organisation</th><th>Sector</th><th>First seen</th>")
                .append("<th>Detections</th><th>Attribution</th></tr>");
        for (Incident i : v.incidentsBySeverity()) {
            h.append("<tr><td>").append(esc(i.id())).append("</td><td title='").append(esc(i.category().reason())).append("'>")
                    .append(i.category().category()).append("</td><td>").append(esc(i.organisation().pseudonym())).append("</td><td>")
                    .append(esc(i.organisation().sector())).append("</td><td>").append(i.first().truncatedTo(ChronoUnit.MINUTES))
                    .append("</td><td>").append(i.findings().size()).append("</td><td>").append(esc(AttributionWords.leadLine(v.attributionFor(i))))
                    .append("</td></tr>");
        }
        h.append("</table><h2>Problems</h2>");
        if (r.problems().isEmpty()) h.append("<p>None: every input was read.</p>");
        else {
            h.append("<ul>");
            r.problems().forEach(p -> h.append("<li>").append(esc(p)).append("</li>"));
            h.append("</ul>");
        }
        h.append("</body></html>\n");
    }

    private static void card(ReportOut h, String label, String value) {
        h.append("<div class='card'><b>").append(esc(value)).append("</b>").append(esc(label)).append("</div>");
    }

    /** Incidents per day, one dot per incident, coloured by attributed actor; dot size by category. */
    private static String timeline(InvestigationResult r, ReportView v, List<String> actors) {
        if (r.incidents().isEmpty()) return "<p>No incidents.</p>";
        Instant from = r.incidents().stream().map(Incident::first).min(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.DAYS);
        Instant to = r.incidents().stream().map(Incident::first).max(Instant::compareTo).orElseThrow();
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to) + 1);
        int w = 1000, rowH = 18, left = 250, h = 40 + rowH * actors.size();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='timeline'>", w + 20, h));
        for (int a = 0; a < actors.size(); a++) {
            s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end' font-size='12'>%s</text>", left - 6,
                    30 + a * rowH + 12, esc(actors.get(a))));
        }
        s.append(String.format(Locale.ROOT, "<text x='%d' y='14' font-size='12'>%s</text>", left, from.toString().substring(0, 10)));
        s.append(String.format(Locale.ROOT, "<text x='%d' y='14' font-size='12' text-anchor='end'>%s</text>", w, to.toString().substring(0, 10)));
        for (Incident i : r.incidents()) {
            double x = left + (double) ChronoUnit.MINUTES.between(from, i.first()) / (days * 1440.0) * (w - left);
            int row = actors.indexOf(v.actorOfIncident.get(i.id()));
            double rad = i.compromised() ? 7 - i.category().category() : 1.5;
            s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%d' r='%.1f' fill='%s' fill-opacity='0.7'><title>%s %s</title></circle>",
                    x, 30 + row * rowH + 8, rad, Svg.colour(actors, actors.get(Math.max(row, 0))), esc(i.id()),
                    esc(i.organisation().pseudonym())));
        }
        return s.append("</svg>").toString();
    }

    /** Each campaign a ring of its incidents, edges where two incidents share a linking value. */
    private static String graph(InvestigationResult r, ReportView v, List<String> actors) {
        List<Campaign> cs = r.campaigns().stream().limit(24).toList();
        int cols = 4, cell = 250, rows = (cs.size() + cols - 1) / cols;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='campaign graph'>", cols * cell, rows * cell));
        for (int k = 0; k < cs.size(); k++) {
            Campaign c = cs.get(k);
            double cx = (k % cols) * cell + cell / 2.0, cy = (k / cols) * cell + cell / 2.0 + 8, rad = cell / 2.0 - 40;
            List<Incident> inc = c.incidents().stream().limit(60).toList();
            Map<String, double[]> pos = new TreeMap<>();
            for (int i = 0; i < inc.size(); i++) {
                double a = 2 * Math.PI * i / inc.size();
                pos.put(inc.get(i).id(), new double[]{cx + rad * Math.cos(a), cy + rad * Math.sin(a)});
            }
            for (Campaign.Link l : c.links().stream().limit(20).toList()) {
                List<String> ids = l.incidents().stream().filter(pos::containsKey).toList();
                for (int i = 1; i < ids.size(); i++) {
                    double[] p = pos.get(ids.get(i - 1)), q = pos.get(ids.get(i));
                    s.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#999' stroke-width='%.1f'/>",
                            p[0], p[1], q[0], q[1], Math.max(0.5, l.weight())));
                }
            }
            for (Incident i : inc) {
                double[] p = pos.get(i.id());
                s.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='5' fill='%s'><title>%s %s</title></circle>", p[0], p[1],
                        Svg.colour(actors, v.actorOfIncident.get(i.id())), esc(i.id()), esc(i.organisation().pseudonym())));
            }
            s.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' text-anchor='middle' font-size='11'>%s</text>", cx,
                    (k / cols) * cell + 14.0, esc(AttributionWords.leadLabel(r.assessments().get(c.id())))));
        }
        return s.append("</svg>").toString();
    }
}
