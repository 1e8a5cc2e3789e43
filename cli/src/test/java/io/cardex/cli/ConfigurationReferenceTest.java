package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every option of every command with its environment variable and
 * default, as the commands declare them: the table is generated from the picocli model, and this
 * test fails when it is stale. {@code -Dcardex.docs.update=true} writes it anew.
 */
class ConfigurationReferenceTest {

    static final Path DOCUMENT = Path.of("..", "docs", "configuration.md");
    private static final String BEGIN = "<!-- BEGIN generated from the commands' options: do not edit by hand -->";
    private static final String END = "<!-- END generated -->";

    static String reference() {
        StringBuilder markdown = new StringBuilder();
        for (Map.Entry<String, List<CommandSettings.Setting>> command : CommandSettings.byCommand().entrySet()) {
            markdown.append("\n### cardex ").append(command.getKey()).append("\n\n")
                    .append("| option | environment variable | default | meaning |\n")
                    .append("|---|---|---|---|\n");
            for (CommandSettings.Setting setting : command.getValue()) {
                markdown.append("| `").append(cell(setting.names())).append("` | ")
                        .append(setting.environmentVariable() == null ? "" : "`" + setting.environmentVariable() + "`")
                        .append(" | ")
                        .append(setting.defaultValue() == null ? "" : "`" + cell(setting.defaultValue()) + "`")
                        .append(" | ").append(cell(setting.description())).append(" |\n");
            }
        }
        return markdown.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    @Test
    void theConfigurationReferenceListsEveryOptionAsTheCommandsDeclareIt() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("%s has the marker %s", DOCUMENT, BEGIN).isNotNegative();
        assertThat(end).as("%s has the marker %s", DOCUMENT, END).isGreaterThan(begin);
        String expected = BEGIN + "\n" + reference() + "\n" + END;
        String actual = document.substring(begin, end + END.length());

        if (Boolean.getBoolean("cardex.docs.update") && !actual.equals(expected)) {
            Files.writeString(DOCUMENT, document.substring(0, begin) + expected + document.substring(end + END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual)
                .as("docs/configuration.md is stale: run mvn -B -o test -pl cli -am "
                        + "-Dtest=ConfigurationReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dcardex.docs.update=true")
                .isEqualTo(expected);
    }
}
