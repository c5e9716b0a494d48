package kahu.report;

import kahu.attribution.Assessment;
import kahu.attribution.Contribution;
import kahu.correlate.Campaign;
import kahu.correlate.Incident;
import kahu.investigate.InvestigationResult;
import kahu.investigate.Statistics;

import java.util.List;
import java.util.Map;

/** {@code report.md}: the investigation in text, victims by pseudonym only. */
public final class MarkdownReport {
    private MarkdownReport() {}

    /** The report as one string (for tests and small investigations; {@link #write} streams it). */
    public static String of(InvestigationResult r) {
        return ReportOut.asString(w -> write(r, w));
    }

    /**
     * Writes the report to {@code writer}, a section at a time: at national scale it runs to hundreds of megabytes
     * (434 MB of Markdown at 250,000 servers), which as one string took that much heap twice over at the end of a run.
     */
    public static void write(InvestigationResult r, java.io.PrintWriter writer) {
        ReportOut md = new ReportOut(writer);
        ReportView v = new ReportView(r);
        md.append("# Kahu investigation report\n\n");
        md.append("TLP:AMBER — victims appear by pseudonym and sector only.\n\n");
        md.append("## Summary\n\n");
        md.append("- Inputs: ").append(String.join(", ", r.inputs())).append('\n');
        md.append(String.format("- Read %,d events from %,d files; %,d detections (%,d new, %,d stored in all)%n",
                r.scan().events(), r.scan().files(), r.scan().detections(), r.newDetections(), r.storedDetections()));
        md.append(String.format("- Organisations affected (past an attempt): %d of %d registered%n", r.affected().size(),
                r.organisations().size()));
        md.append(String.format("- Incidents: %d (%d compromises, %d serious); campaigns: %d%n", r.incidents().size(),
                r.incidents().stream().filter(Incident::compromised).count(),
                r.incidents().stream().filter(i -> i.category().serious()).count(), r.campaigns().size()));
        Statistics s = r.statistics();
        md.append("- ").append(s.statement()).append("\n\n");
        md.append("Method: ").append(s.method()).append("\n\n");

        md.append("## Campaigns\n\n");
        if (r.campaigns().isEmpty()) md.append("No incidents were linked into campaigns.\n\n");
        for (Campaign c : r.campaigns()) {
            Assessment a = r.assessments().get(c.id());
            md.append("### ").append(c.id()).append(" — ").append(AttributionWords.headline(a)).append("\n\n");
            md.append(String.format("%d incidents at %d organisations, %s to %s.%n%n", c.incidents().size(), c.organisations(),
                    c.first(), c.last()));
            if (a != null) md.append("**Assessment.** ").append(a.statement()).append("\n\n");
            md.append("Linked by: ");
            md.append(String.join("; ", c.links().stream().limit(8).map(l -> l.kind() + " " + l.value() + " (weight "
                    + l.weight() + ", " + l.incidents().size() + " incidents)").toList())).append("\n\n");
            if (a != null) appendHypotheses(md, a);
        }

        md.append("## Incidents\n\n");
        md.append("| Incident | Category | Organisation | Sector | Host | First seen | Detections | Attributed to |\n");
        md.append("|---|---:|---|---|---|---|---:|---|\n");
        for (Incident i : v.incidentsBySeverity()) {
            md.append("| ").append(i.id()).append(" | ").append(i.category().category()).append(" ").append(i.category().name())
                    .append(" | ").append(i.organisation().pseudonym()).append(" | ").append(nz(i.organisation().sector()))
                    .append(" | ").append(nz(i.host())).append(" | ").append(i.first()).append(" | ").append(i.findings().size())
                    .append(" | ").append(AttributionWords.leadLine(v.attributionFor(i))).append(" |\n");
        }
        md.append("\n## Incidents by actor and sector (compromises)\n\n");
        for (Map.Entry<String, Map<String, Integer>> e : v.byActorAndSector().entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        md.append("\n## Incident details\n\n");
        for (Incident i : v.incidentsBySeverity()) {
            if (!i.compromised()) continue;
            md.append("### ").append(i.id()).append(" (").append(i.organisation().pseudonym()).append(")\n\n");
            md.append("Category ").append(i.category().category()).append(": ").append(i.category().reason()).append(".\n\n");
            i.findings().stream().limit(12).forEach(f -> md.append("- ").append(f.time()).append(" [").append(f.detection().level())
                    .append("] ").append(f.detection().title()).append(" — ").append(f.detection().location()).append('\n'));
            if (i.findings().size() > 12) md.append("- … ").append(i.findings().size() - 12).append(" more\n");
            if (!i.unsure().isEmpty()) {
                md.append("\n").append(i.unsure().size()).append(" of these detections show no attacker address and came while another")
                        .append(" intruder also had a web shell on this host: they are placed here by a guess, and neither link this")
                        .append(" incident to a campaign nor count in a campaign's evidence.\n");
            }
            Assessment a = r.assessments().get(i.id());
            if (a != null) md.append("\nOwn assessment: ").append(a.statement()).append("\n\n");
        }
        if (!r.tooCommon().isEmpty()) {
            md.append("## Values too common to link\n\n");
            r.tooCommon().entrySet().stream().limit(20).forEach(e -> md.append("- ").append(e.getKey()).append(": seen at ")
                    .append(e.getValue()).append(" organisations\n"));
            md.append('\n');
        }
        md.append("## Problems\n\n");
        if (r.problems().isEmpty()) md.append("None: every input was read.\n");
        r.problems().forEach(p -> md.append("- ").append(p).append('\n'));
    }

    private static void appendHypotheses(ReportOut md, Assessment a) {
        md.append("| Hypothesis | Probability | PHIA | ICD 203 | Strongest evidence |\n|---|---:|---|---|---|\n");
        a.hypotheses().stream().limit(4).forEach(h -> md.append("| ").append(h.label()).append(" | ")
                .append(AttributionWords.pct(h.probability())).append(" | ").append(h.phia().term()).append(" | ")
                .append(h.icd203().term()).append(" | ").append(strongest(h.evidence())).append(" |\n"));
        md.append("| ").append(Assessment.UNKNOWN_ACTOR).append(" | ").append(AttributionWords.pct(a.unknownActorProbability()))
                .append(" | ").append(a.unknownPhia().term()).append(" | | |\n\n");
        md.append("Confidence: ").append(a.confidence().level().label()).append(" (")
                .append(String.join("; ", a.confidence().reasons())).append(").\n\n");
    }

    private static String strongest(List<Contribution> c) {
        return String.join(", ", c.stream().limit(3).map(x -> x.evidence().label() + " " + String.format("%+.2f", x.weight())).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
