package kahu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code kahu} command. */
@Command(name = "kahu", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds state-sponsored intrusion campaigns in security logs and attributes them to threat actors.",
        subcommands = {KbCommand.class, AttributeCommand.class, ScanCommand.class, InvestigateCommand.class, StatsCommand.class, RulesCommand.class, BenchCommand.class, SimulateCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit codes every sub-command keeps to. */
    public static final int OK = 0, NOT_FOUND = 1, BAD_INPUT = 2;

    @Option(names = "--db", scope = CommandLine.ScopeType.INHERIT, paramLabel = "JDBC-URL",
            description = "Database: jdbc:h2:… or jdbc:postgresql://… (default: KAHU_DB, else H2 under KAHU_HOME).")
    String db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this rather than main). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("kahu: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("KAHU_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    String dbUrl() {
        return db != null ? db : kahu.store.Database.configuredUrl();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kahu " + (v == null ? "development build" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
