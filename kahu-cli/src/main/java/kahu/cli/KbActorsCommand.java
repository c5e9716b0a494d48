package kahu.cli;

import kahu.knowledge.Actor;
import kahu.knowledge.ActorViews;
import kahu.knowledge.KnowledgeBase;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kahu kb actors [--sponsor COUNTRY]} */
@Command(name = "actors", mixinStandardHelpOptions = true, description = "List actors, optionally those sponsored by one state.")
final class KbActorsCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand kb;

    @Option(names = "--sponsor", paramLabel = "COUNTRY", description = "ISO code or English name, e.g. CN or China.")
    String sponsor;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        List<Actor> actors;
        try (Database db = kb.openDatabase()) {
            KnowledgeBase base = kb.load(db);
            actors = new ArrayList<>(sponsor == null ? base.actors() : base.sponsoredBy(sponsor));
        }
        actors.sort(Comparator.comparing((Actor a) -> a.attackId() == null ? "~" : a.attackId()).thenComparing(Actor::name));
        if (format.equals("json")) {
            System.out.println(Json.pretty(ActorViews.toJson(actors)));
        } else {
            System.out.printf("%-8s %-28s %-38s %5s %5s  %s%n", "ATT&CK", "NAME", "SPONSOR", "TECH", "SOFT", "SOURCES");
            for (Actor a : actors) {
                System.out.printf("%-8s %-28s %-38s %5d %5d  %s%n", a.attackId() == null ? "-" : a.attackId(),
                        clip(a.name(), 28), clip(a.sponsor() == null ? "-" : a.sponsor().describe(), 38),
                        a.techniques().size(), a.software().size(), String.join(",", KnowledgeBase.originsOf(a)));
            }
            System.out.printf("%d actor(s)%n", actors.size());
        }
        return actors.isEmpty() ? Main.NOT_FOUND : Main.OK;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
