package io.cardex.cli;

import io.cardex.stack.BuildVersions;
import io.cardex.stack.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cardex} command and its sub-commands. */
@Command(name = "cardex", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = CardexCommand.Version.class,
        subcommands = {DemoCommand.class, UpCommand.class, IngestCommand.class, IndexerCommand.class, ApiCommand.class,
                SetupCommand.class, AccessCommand.class, ReindexCommand.class, ValidateCommand.class,
                CommandLine.HelpCommand.class},
        description = "Ingest model cards from a git repository through Kafka into Elasticsearch, and search them.")
public final class CardexCommand implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CardexCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return new CommandLine(new CardexCommand())
                .setExecutionExceptionHandler(CardexCommand::reportFailure);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** A failure is one line for the user; the details go to the log file. */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof StartupFailure) {
            commandLine.getErr().println("cardex: " + e.getMessage());
        } else {
            log.error("unexpected failure", e);
            commandLine.getErr().println("cardex: unexpected error: " + e + " (the log file has the details)");
        }
        return 1;
    }

    /** The version of cardex and of the servers it runs. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildVersions versions = BuildVersions.load();
            return new String[] {"cardex " + versions.cardex(),
                    "Kafka " + versions.kafka() + ", Elasticsearch " + versions.elasticsearch()};
        }
    }
}
