package io.cardex.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTest {

    private static final DeploymentNames NAMES =
            new DeploymentNames("cards", "cardex.card-changes", "cardex.card-changes.dead-letters", "cardex-indexer");

    @Test
    void builtInAccessGrantsOnTheDeploymentsOwnNames() {
        Access access = Access.builtIn(NAMES);

        assertThat(access.elasticsearch().roles().get("cardex_api").indices())
                .singleElement()
                .satisfies(grant -> {
                    assertThat(grant.names()).containsExactly("cards", "cards-v*");
                    assertThat(grant.privileges()).containsExactly("read", "view_index_metadata");
                });
        assertThat(access.elasticsearch().users().get("cardex_api").roles()).containsExactly("cardex_api");
        assertThat(access.kafka().users().get("cardex_indexer").allow())
                .contains(new KafkaAccess.Permission(KafkaAccess.ResourceKind.TOPIC,
                        "cardex.card-changes.dead-letters", java.util.List.of("create", "describe", "write")));
    }

    @Test
    void theKibanaImportUserHasNoIndexAndKibanasOwnUserOnlyItsPassword() {
        ElasticsearchAccess access = Access.builtIn(NAMES).elasticsearch();

        assertThat(access.roles().get("cardex_kibana_import").indices()).isEmpty();
        assertThat(access.roles().get("cardex_kibana_import").cluster()).isEmpty();
        assertThat(access.reservedUsers()).containsOnlyKeys("kibana_system");
        assertThat(access.reservedUsers().get("kibana_system").password()).isEqualTo("KIBANA_PASSWORD");
    }

    @Test
    void passwordsAreNamedNeverWritten() {
        Access access = Access.builtIn(NAMES);

        assertThat(access.elasticsearch().users().values()).allSatisfy(user ->
                assertThat(user.password()).matches("[A-Z_]+_PASSWORD"));
        assertThat(access.kafka().users().values()).allSatisfy(user ->
                assertThat(user.password()).matches("[A-Z_]+_PASSWORD"));
    }

    @Test
    void aUserWithAnUndefinedRoleIsRefusedNamingBoth(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("access.yaml"), """
                elasticsearch:
                  users:
                    cardex: {password: CARDEX_ES_PASSWORD, roles: [writer]}
                kafka: {}
                """);

        assertThatThrownBy(() -> Access.read(file, NAMES))
                .isInstanceOf(InvalidAccessFileException.class)
                .hasMessageContaining("user cardex has role writer");
    }

    @Test
    void aMisspelledFieldIsRefusedWithWhereItIs(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("access.yaml"), """
                elasticsearch:
                  roles:
                    reader:
                      clusters: [monitor]
                kafka: {}
                """);

        assertThatThrownBy(() -> Access.read(file, NAMES))
                .isInstanceOf(InvalidAccessFileException.class)
                .hasMessageContaining("unknown field 'clusters' at elasticsearch.roles.reader.clusters");
    }

    @Test
    void anUnknownPlaceholderIsRefused(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("access.yaml"), """
                elasticsearch:
                  roles:
                    reader: {indices: [{names: ["${indice}"], privileges: [read]}]}
                kafka: {}
                """);

        assertThatThrownBy(() -> Access.read(file, NAMES))
                .isInstanceOf(InvalidAccessFileException.class)
                .hasMessageContaining("unknown name ${indice}");
    }
}
