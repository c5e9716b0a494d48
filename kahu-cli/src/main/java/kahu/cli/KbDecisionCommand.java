package kahu.cli;

import kahu.knowledge.Actor;
import kahu.knowledge.ActorDecision;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** Analysts' identity decisions: {@code kahu kb merge A B --reason …} and {@code kahu kb split ACTOR RECORD --reason …}. */
final class KbDecisionCommand {
    private KbDecisionCommand() {}

    private static String analyst(String given) {
        return given != null ? given : System.getProperty("user.name", "analyst");
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Record that two actors are one, with the reason.")
    static final class Merge implements Callable<Integer> {
        @ParentCommand
        KbCommand kb;
        @Parameters(index = "0", paramLabel = "ACTOR") String first;
        @Parameters(index = "1", paramLabel = "OTHER") String second;
        @Option(names = "--reason", required = true, description = "Why they are one actor (kept with the decision).") String reason;
        @Option(names = "--analyst", description = "Who decides (default: the user name).") String analyst;

        @Override
        public Integer call() {
            try (Database db = kb.openDatabase()) {
                KnowledgeBase base = kb.load(db);
                if (!unique(base, first) || !unique(base, second)) return Main.BAD_INPUT;
                new KnowledgeStore(db).record(new ActorDecision(ActorDecision.Action.MERGE,
                        base.lookup(first).getFirst().key(), base.lookup(second).getFirst().key(), reason, analyst(analyst), Instant.now()));
                Actor merged = kb.load(db).lookup(first).getFirst();
                System.out.println("Merged: " + merged.label() + " now has records " + merged.recordIds());
            }
            return Main.OK;
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Record that one source record does not belong to an actor, with the reason.")
    static final class Split implements Callable<Integer> {
        @ParentCommand
        KbCommand kb;
        @Parameters(index = "0", paramLabel = "ACTOR") String actor;
        @Parameters(index = "1", paramLabel = "RECORD", description = "A record ID shown under Records, e.g. misp-galaxy:<uuid>.") String record;
        @Option(names = "--reason", required = true, description = "Why the record is a different actor.") String reason;
        @Option(names = "--analyst", description = "Who decides (default: the user name).") String analyst;

        @Override
        public Integer call() {
            try (Database db = kb.openDatabase()) {
                KnowledgeBase base = kb.load(db);
                if (!unique(base, actor)) return Main.BAD_INPUT;
                Actor a = base.lookup(actor).getFirst();
                if (!a.recordIds().contains(record)) {
                    System.err.println("kahu: " + a.label() + " has no record " + record + "; its records: " + a.recordIds());
                    return Main.BAD_INPUT;
                }
                new KnowledgeStore(db).record(new ActorDecision(ActorDecision.Action.SPLIT, a.key(), record, reason,
                        analyst(analyst), Instant.now()));
                System.out.println("Split: " + record + " no longer belongs to " + a.label());
            }
            return Main.OK;
        }
    }

    private static boolean unique(KnowledgeBase base, String name) {
        List<Actor> found = base.lookup(name);
        if (found.size() == 1) return true;
        System.err.println(found.isEmpty() ? "kahu: no actor is called \"" + name + "\""
                : "kahu: \"" + name + "\" names " + found.size() + " actors; use a key: "
                + found.stream().map(Actor::key).toList());
        return false;
    }
}
