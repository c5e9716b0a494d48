package kahu.cli;

import kahu.knowledge.Actor;
import kahu.knowledge.Alias;
import kahu.knowledge.Fact;
import kahu.knowledge.KnownIndicator;
import kahu.knowledge.Reference;
import kahu.knowledge.SoftwareUse;
import kahu.knowledge.TechniqueUse;

import java.util.List;
import java.util.stream.Collectors;

/** The text form of one actor, for a person at a terminal. */
final class ActorText {
    private ActorText() {}

    static String render(Actor a) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.label()).append("  [").append(a.kind().label()).append("]\n");
        if (a.summary() != null) sb.append("  ").append(a.summary().replaceAll("\\s+", " ").strip()).append('\n');
        sb.append("  Aliases:    ").append(a.aliases().stream().map(Alias::name).collect(Collectors.joining(", "))).append('\n');
        sb.append("  Sponsor:    ").append(a.sponsor() == null ? "none public" : a.sponsor().describe()
                + "  " + a.sponsor().sources()).append('\n');
        line(sb, "Motivation", a.motivation());
        line(sb, "First seen", a.firstSeen());
        line(sb, "Last seen", a.lastSeen());
        line(sb, "Time zone", a.timezone());
        list(sb, "Sectors", a.sectors());
        list(sb, "Countries", a.countries());
        list(sb, "Exploits", a.exploits());
        sb.append("  Techniques (").append(a.techniques().size()).append("):\n");
        for (TechniqueUse t : a.techniques()) {
            sb.append(String.format("    %-10s %-50s %s%n", t.id(), t.name() == null ? "" : t.name(), t.sources()));
        }
        sb.append("  Software (").append(a.software().size()).append("):\n");
        for (SoftwareUse s : a.software()) {
            sb.append(String.format("    %-6s %-40s %s%n", s.attackId() == null ? "-" : s.attackId(), s.name(), s.sources()));
        }
        if (!a.infrastructure().isEmpty()) {
            sb.append("  Infrastructure (").append(a.infrastructure().size()).append("):\n");
            for (KnownIndicator i : a.infrastructure()) {
                sb.append(String.format("    %-12s %-45s %s..%s %s%n", i.type(), i.value(),
                        i.validFrom() == null ? "" : i.validFrom(), i.validUntil() == null ? "" : i.validUntil(), i.sources()));
            }
        }
        if (!a.possiblySameAs().isEmpty()) {
            sb.append("  Possibly the same as:\n");
            for (Actor.ActorLink l : a.possiblySameAs()) sb.append("    ").append(l.actorName()).append(" (").append(l.reason()).append(")\n");
        }
        sb.append("  Records:    ").append(String.join(", ", a.recordIds())).append('\n');
        sb.append("  References:\n");
        for (Reference r : a.references()) {
            sb.append("    [").append(r.key()).append("] ").append(r.title());
            if (r.publisher() != null) sb.append(", ").append(r.publisher());
            if (r.date() != null) sb.append(", ").append(r.date(), 0, Math.min(10, r.date().length()));
            if (r.url() != null) sb.append(" <").append(r.url()).append('>');
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Fact f) {
        if (f != null) sb.append(String.format("  %-11s %s  %s%n", label + ":", f.value(), f.sources()));
    }

    private static void list(StringBuilder sb, String label, List<Fact> facts) {
        if (!facts.isEmpty()) {
            sb.append(String.format("  %-11s %s%n", label + ":", facts.stream().map(Fact::value).distinct().collect(Collectors.joining(", "))));
        }
    }
}
