package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CardexCommandTest {

    @Test
    void upWithoutARepositoryIsAUsageErrorThatSaysWhatIsMissing() {
        StringWriter err = new StringWriter();
        CommandLine cardex = CardexCommand.commandLine();
        cardex.setErr(new PrintWriter(err));

        int exitCode = cardex.execute("up");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--repo=[NAME=]PATH|URL'");
    }

    @Test
    void aBadDurationNamesTheOption() {
        StringWriter err = new StringWriter();
        CommandLine cardex = CardexCommand.commandLine();
        cardex.setErr(new PrintWriter(err));

        int exitCode = cardex.execute("up", "--repo", "/tmp/cards", "--poll-interval", "often");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--poll-interval").contains("'often' is not a duration");
    }

    @Test
    void aCorsOriginWithAPathNamesTheOptionBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cardex = CardexCommand.commandLine();
        cardex.setErr(new PrintWriter(err));

        int exitCode = cardex.execute("up", "--repo", "/tmp/cards", "--cors-origin", "https://hub.example.org/search");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--cors-origin")
                .contains("'https://hub.example.org/search' must be * or scheme://host[:port] without a path");
    }
}
