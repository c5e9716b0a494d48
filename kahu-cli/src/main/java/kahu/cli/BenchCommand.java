package kahu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code kahu bench …}: benchmarks that need the whole program (JMH covers the hot paths). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of Kahu's results against simulated ground truth (figures go to docs/benchmarks.md).",
        subcommands = {BenchAttributionCommand.class, BenchInvestigateCommand.class})
final class BenchCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
