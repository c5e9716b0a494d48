package kahu.cli;

import kahu.knowledge.Actor;
import kahu.knowledge.ActorStix;
import kahu.knowledge.ActorViews;
import kahu.knowledge.KnowledgeBase;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code kahu kb actor NAME|ALIAS|ATTACK-ID} */
@Command(name = "actor", mixinStandardHelpOptions = true,
        description = "Show an actor by name, alias or ATT&CK ID; an alias shared by several actors shows them all.")
final class KbActorCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand kb;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Name, alias or ATT&CK ID (several words are joined).")
    List<String> words;

    @Option(names = "--format", defaultValue = "text", description = "text, json or stix (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        String query = String.join(" ", words);
        List<Actor> found;
        try (Database db = kb.openDatabase()) {
            KnowledgeBase base = kb.load(db);
            found = base.lookup(query);
        }
        switch (format) {
            case "json" -> System.out.println(Json.pretty(ActorViews.toJson(found)));
            case "stix" -> System.out.println(Json.pretty(ActorStix.bundle(found)));
            case "text" -> {
                if (found.isEmpty()) System.err.println("kahu: no actor is called \"" + query + "\"");
                if (found.size() > 1) System.out.printf("\"%s\" names %d actors (an alias conflict, kept apart):%n%n", query, found.size());
                for (Actor a : found) System.out.println(ActorText.render(a));
            }
            default -> {
                System.err.println("kahu: unknown format " + format + " (text, json or stix)");
                return Main.BAD_INPUT;
            }
        }
        return found.isEmpty() ? Main.NOT_FOUND : Main.OK;
    }
}
