package kahu.cli;

import picocli.CommandLine.Command;

/** {@code kahu rules …}: Sigma detection rules. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Sigma detection rules: check that they load, run the Sigma regression tests.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
