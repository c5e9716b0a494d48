package kahu.cli;

import kahu.knowledge.Actor;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code kahu kb stats} */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "What the knowledge base holds.")
final class KbStatsCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand kb;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        try (Database db = kb.openDatabase()) {
            KnowledgeBase base = kb.load(db);
            Map<String, Long> stored = new KnowledgeStore(db).counts();
            Map<String, Integer> byOrigin = new TreeMap<>(), bySponsor = new TreeMap<>();
            int linked = 0;
            for (Actor a : base.actors()) {
                for (String o : KnowledgeBase.originsOf(a)) byOrigin.merge(o, 1, Integer::sum);
                if (a.sponsor() != null && a.sponsor().country() != null) bySponsor.merge(a.sponsor().country(), 1, Integer::sum);
                if (!a.possiblySameAs().isEmpty()) linked++;
            }
            if (format.equals("json")) {
                var o = Json.MAPPER.createObjectNode();
                o.put("actors", base.actors().size());
                o.set("actors_by_source", Json.MAPPER.valueToTree(byOrigin));
                o.set("actors_by_sponsor_country", Json.MAPPER.valueToTree(bySponsor));
                o.put("actors_with_possible_duplicates", linked);
                o.put("techniques_in_use", base.techniqueUsage().size());
                o.set("stored", Json.MAPPER.valueToTree(new TreeMap<>(stored)));
                o.put("database", db.url());
                System.out.println(Json.pretty(o));
            } else {
                System.out.printf("Actors: %,d (%s)%n", base.actors().size(), byOrigin);
                System.out.printf("By sponsoring state: %s%n", bySponsor);
                System.out.printf("Actors with a possible duplicate (shared alias): %,d%n", linked);
                System.out.printf("Distinct techniques in use: %,d%n", base.techniqueUsage().size());
                System.out.printf("Stored: %s%n", new TreeMap<>(stored));
                System.out.printf("Database: %s%n", db.url());
            }
        }
        return Main.OK;
    }
}
