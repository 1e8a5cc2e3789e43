package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.access.DeploymentNames;
import io.cardex.stack.StartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPasswordsTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesAPasswordPerNameInAFileOnlyItsOwnerMayRead() throws Exception {
        StackPasswords passwords = StackPasswords.load(data, List.of("CARDEX_ES_PASSWORD", "CARDEX_API_ES_PASSWORD"));

        assertThat(passwords.get("CARDEX_ES_PASSWORD")).matches("[A-Za-z0-9]{32}")
                .isNotEqualTo(passwords.get("CARDEX_API_ES_PASSWORD"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords.file()))).isEqualTo("rw-------");
    }

    @Test
    void laterStartsKeepThePasswordsAndAddOnlyThoseOfNewUsers() throws Exception {
        String first = StackPasswords.load(data, List.of("CARDEX_ES_PASSWORD")).get("CARDEX_ES_PASSWORD");

        StackPasswords again = StackPasswords.load(data, List.of("CARDEX_ES_PASSWORD", "CARDEX_API_ES_PASSWORD"));

        assertThat(again.get("CARDEX_ES_PASSWORD")).isEqualTo(first);
        assertThat(again.variables().require("cardex_api", "CARDEX_API_ES_PASSWORD")).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(again.file()))).isEqualTo("rw-------");
    }

    @Test
    void aDataDirectoryWhoseKafkaFirstRanOpenCannotBeSecured() throws Exception {
        Files.createDirectories(data.resolve("kafka/data"));
        Files.writeString(data.resolve("kafka/data/meta.properties"), "node.id=1\n");

        assertThatThrownBy(() -> SecuredUsers.of(data, new DeploymentNames("cards", "t", "t.dead-letters", "g")))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("the Kafka of " + data + " was first started without --secured, so it has no super user: "
                        + "choose another --data-dir for --secured");
        assertThat(data.resolve(StackPasswords.FILE)).doesNotExist();
    }
}
