package io.cardex.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordVariablesTest {

    @Test
    void aPasswordIsReadFromTheVariableTheAccessFileNames() {
        PasswordVariables passwords = new PasswordVariables(Map.of("CARDEX_API_ES_PASSWORD", "k3pt0ut0fs1ght"));

        assertThat(passwords.require("cardex_api", "CARDEX_API_ES_PASSWORD")).isEqualTo("k3pt0ut0fs1ght");
    }

    @Test
    void aMissingOrEmptyPasswordIsRefusedNamingTheUserAndItsVariable() {
        PasswordVariables passwords = new PasswordVariables(Map.of("CARDEX_ES_PASSWORD", " "));

        assertThatThrownBy(() -> passwords.require("cardex_api", "CARDEX_API_ES_PASSWORD"))
                .hasMessage("the password of user cardex_api is missing: set the environment variable CARDEX_API_ES_PASSWORD");
        assertThatThrownBy(() -> passwords.require("cardex", "CARDEX_ES_PASSWORD"))
                .hasMessageContaining("set the environment variable CARDEX_ES_PASSWORD");
    }

    @Test
    void theExamplePasswordsOfEnvExampleAreRefused() {
        PasswordVariables passwords = new PasswordVariables(Map.of("KIBANA_PASSWORD", "changeMeKibana00000"));

        assertThatThrownBy(() -> passwords.require("kibana_system", "KIBANA_PASSWORD"))
                .hasMessage("the password of user kibana_system in KIBANA_PASSWORD is still the example of .env.example "
                        + "(changeMe...): choose a password of your own");
    }
}
