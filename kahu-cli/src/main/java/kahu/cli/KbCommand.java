package kahu.cli;

import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import kahu.knowledge.KnowledgeStore;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kahu kb …}: the threat-actor knowledge base. */
@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "The threat-actor knowledge base: built-in curated actors, ATT&CK and MISP galaxy imports.",
        subcommands = {KbImportCommand.class, KbUpdateCommand.class, KbStatsCommand.class, KbActorsCommand.class,
                KbActorCommand.class, KbDecisionCommand.Merge.class, KbDecisionCommand.Split.class})
final class KbCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    Database openDatabase() {
        return Database.open(main.dbUrl());
    }

    /** The knowledge base: built-in files plus whatever is stored. */
    KnowledgeBase load(Database db) {
        return KnowledgeLoader.load(new KnowledgeStore(db));
    }
}
