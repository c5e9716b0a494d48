package kahu.attribution;

import kahu.knowledge.Countries;
import kahu.knowledge.Sponsor;

/** The short assessment statement, in the words of the 2021 attributions. */
final class Statement {
    private Statement() {}

    /** @param lead the most probable named actor, or null; {@code unknownLeads} when the unknown actor is at least as likely */
    static String of(Hypothesis lead, boolean unknownLeads, Estimative unknownPhia, Confidence conf) {
        String confidence = " Confidence: " + conf.level().label() + ".";
        if (unknownLeads) {
            Estimative e = unknownPhia;
            String runner = lead == null ? "" : String.format(" The leading named candidate, %s, stands at %s.", lead.label(), percent(lead.probability()));
            return String.format("We cannot attribute this activity to a known actor: it is %s (%s) that it was conducted by an unknown or unlisted actor.%s%s",
                    e.term(), e.range(), runner, confidence);
        }
        Estimative e = lead.phia();
        return String.format("We assess that it is %s (%s) that this activity was conducted by %s, %s.%s",
                e.term(), e.range(), lead.label(), who(lead.sponsor()), confidence);
    }

    private static String who(Sponsor s) {
        if (s == null) return "an actor with no publicly attributed state sponsor";
        String country = s.countryName() != null ? s.countryName() : s.country() == null ? "an unnamed state" : Countries.nameOf(s.country());
        return s.agency() == null ? "an actor linked to the state of " + country
                : "an actor sponsored by " + country + "'s " + s.agency();
    }

    static String percent(double p) {
        return p < 0.001 ? "<0.1%" : String.format("%.1f%%", 100 * p);
    }
}
