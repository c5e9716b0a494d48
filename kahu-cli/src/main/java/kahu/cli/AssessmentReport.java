package kahu.cli;

import kahu.attribution.AchMatrix;
import kahu.attribution.Assessment;
import kahu.attribution.Contribution;
import kahu.attribution.Evidence;
import kahu.attribution.Hypothesis;
import kahu.attribution.Sensitivity;

import java.util.List;

/** The text and Markdown forms of an assessment: everything an analyst needs to read and defend it. */
final class AssessmentReport {
    /** How many leading hypotheses get their evidence listed item by item. */
    private static final int DETAILED = 3;

    private final boolean md;
    private final StringBuilder sb = new StringBuilder();

    private AssessmentReport(boolean markdown) {
        this.md = markdown;
    }

    static String render(Assessment a, boolean markdown) {
        return new AssessmentReport(markdown).write(a);
    }

    private String write(Assessment a) {
        heading(1, "Attribution assessment: " + a.subject());
        para(md ? "**" + a.statement() + "**" : a.statement());

        heading(2, "Hypotheses");
        table(List.of("#", "Hypothesis", "Probability", "PHIA", "ICD 203", "Sponsor"), () -> {
            int i = 1;
            for (Hypothesis h : a.hypotheses()) {
                row(String.valueOf(i++), h.label(), pct(h.probability()), h.phia().term() + " (" + h.phia().range() + ")",
                        h.icd203().term(), h.sponsor() == null ? "-" : h.sponsor().describe());
            }
            if (a.otherActorsProbability() > 0.0005) row("", "all other listed actors", pct(a.otherActorsProbability()), "", "", "");
            row("", Assessment.UNKNOWN_ACTOR, pct(a.unknownActorProbability()), a.unknownPhia().term(), "", "");
        });

        heading(2, "Confidence: " + a.confidence().level().label());
        for (String r : a.confidence().reasons()) bullet(r);
        para("Confidence says how solid the evidence is; the probability says how likely the hypothesis is. They are rated apart.");

        heading(2, "Evidence and its weight");
        para("Weight = log10 of the likelihood ratio against an unknown actor: +1 means the item is ten times as likely "
                + "under the hypothesis, negative values count against it, 0 tells nothing.");
        for (int i = 0; i < Math.min(DETAILED, a.hypotheses().size()); i++) {
            Hypothesis h = a.hypotheses().get(i);
            heading(3, h.label() + " — " + pct(h.probability()));
            table(List.of("Weight", "For/against", "Evidence", "Source"), () -> {
                for (Contribution c : h.evidence()) {
                    String dir = c.weight() >= 0.005 ? "for" : c.weight() <= -0.005 ? "against" : "neutral";
                    row(String.format("%+.2f", c.weight()), dir, c.evidence().describe(), c.evidence().source());
                }
            });
        }

        heading(2, "Analysis of competing hypotheses");
        para("C consistent, I inconsistent, N neutral; most diagnostic evidence first.");
        AchMatrix ach = a.ach();
        List<String> header = new java.util.ArrayList<>(List.of("Evidence", "Diagnosticity"));
        header.addAll(ach.hypotheses());
        table(header, () -> {
            for (AchMatrix.Row r : ach.rows()) {
                List<String> cells = new java.util.ArrayList<>(List.of(r.evidence().describe(), String.format("%.2f", r.diagnosticity())));
                for (int c = 0; c < r.cells().size(); c++) cells.add(r.cells().get(c).symbol() + String.format(" %+.2f", r.weights().get(c)));
                row(cells.toArray(String[]::new));
            }
        });

        heading(2, "False-flag check");
        Sensitivity s = a.sensitivity();
        check("Without the most easily planted evidence", s.withoutFakeable());
        check("Without the single strongest item", s.withoutStrongest());
        para(s.robust() ? "The leading hypothesis survives both checks." : "The leading hypothesis does NOT survive every check: treat it with care.");

        if (!a.warnings().isEmpty()) {
            heading(2, "Warnings");
            for (String w : a.warnings()) bullet(w);
        }
        heading(2, "Evidence used (" + a.evidence().size() + " items)");
        for (Evidence e : a.evidence()) {
            bullet(String.format("%s — reliability %.1f, fakeability %.1f — %s", e.describe(), e.reliability(), e.fakeability(), e.source()));
        }
        return sb.toString();
    }

    private void check(String label, Sensitivity.Check c) {
        if (c.removed().isEmpty()) {
            bullet(label + ": nothing to remove.");
        } else {
            bullet(String.format("%s (%s): the leader is %s at %s%s.", label, String.join(", ", c.removed()), c.newLeader(),
                    pct(c.newLeaderProbability()), c.changed() ? " — the leader CHANGES" : ", unchanged"));
        }
    }

    private static String pct(double p) {
        if (Double.isNaN(p)) return "-";
        return p < 0.001 ? "<0.1%" : String.format("%.1f%%", 100 * p);
    }

    private void heading(int level, String text) {
        if (md) sb.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        else sb.append(level == 1 ? text.toUpperCase(java.util.Locale.ROOT) : text).append('\n')
                .append((level == 1 ? "=" : "-").repeat(Math.min(100, text.length()))).append("\n");
    }

    private void para(String text) {
        sb.append(text).append(md ? "\n\n" : "\n\n");
    }

    private void bullet(String text) {
        sb.append(md ? "- " : "  * ").append(text).append('\n');
    }

    private void table(List<String> header, Runnable rows) {
        if (md) {
            sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
            sb.append(" --- |".repeat(header.size())).append('\n');
        } else {
            sb.append("  ").append(String.join(" | ", header)).append('\n');
        }
        rows.run();
        sb.append('\n');
    }

    private void row(String... cells) {
        if (md) sb.append("| ").append(String.join(" | ", java.util.Arrays.stream(cells).map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        else sb.append("  ").append(String.join(" | ", cells)).append('\n');
    }
}
