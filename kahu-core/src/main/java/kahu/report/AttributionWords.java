package kahu.report;

import kahu.attribution.Assessment;
import kahu.attribution.Hypothesis;

/**
 * How reports and summaries word an assessment, in one place: the leading actor is named only when the
 * assessment names it ({@link Assessment#namesActor}); otherwise the activity is "not attributed" and its
 * leading hypothesis is shown as one.
 */
public final class AttributionWords {
    private AttributionWords() {}

    public static final String NOT_ATTRIBUTED = "not attributed";

    /** Who the activity is put down to, in a word: the leading actor only when the assessment names it ({@link Assessment#namesActor}). */
    public static String leadLabel(Assessment a) {
        if (a == null || a.unknownLeads()) return Assessment.UNKNOWN_ACTOR;
        return a.namesActor() ? a.leader().label() : NOT_ATTRIBUTED;
    }

    /** A campaign's heading: the label, and for an activity not attributed its leading hypothesis. */
    public static String headline(Assessment a) {
        String label = leadLabel(a);
        if (a == null || a.namesActor() || a.unknownLeads()) return label;
        return label + " (leading hypothesis: " + a.leader().label() + ", " + a.leader().phia().term() + ")";
    }

    /** An incident's line in the reports' tables: the leading hypothesis with both scales' words and the confidence. */
    public static String leadLine(Assessment a) {
        if (a == null) return "not assessed";
        if (a.unknownLeads()) {
            return Assessment.UNKNOWN_ACTOR + ": " + a.unknownPhia().term() + " (" + pct(a.unknownActorProbability()) + ")";
        }
        return leading(a, true);
    }

    public static String pct(double p) {
        return Math.round(p * 1000) / 10.0 + "%";
    }

    /** A campaign's line in the summary {@code kahu investigate} and {@code kahu demo} print. */
    public static String summary(Assessment a) {
        if (a == null) return "not assessed";
        if (a.unknownLeads()) return "an unknown or unlisted actor (" + a.unknownPhia().term() + ")";
        return leading(a, false);
    }

    /** The named leader (or, below a realistic possibility, the leading hypothesis so called), its words and the confidence. */
    private static String leading(Assessment a, boolean withFigures) {
        Hypothesis h = a.leader();
        return (a.namesActor() ? "" : NOT_ATTRIBUTED + "; leading hypothesis ") + h.label() + ": " + h.phia().term() + " ("
                + h.phia().range() + (withFigures ? "; " + pct(h.probability()) + "), ICD 203 " + h.icd203().term() : ")")
                + ", confidence " + a.confidence().level().label();
    }
}
