package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.ElasticsearchAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and .env.example against the commands and the build: a misspelt variable
 * would silently fall back to its default, a server image of another version would not be the one
 * the tests ran against. CI checks the file's syntax with "docker-compose config".
 */
class ComposeFileTest {

    private static final Path PROJECT = Path.of("..");
    /** Variables of the compose file itself, not of a cardex command. */
    private static final Set<String> COMPOSE_ONLY = Set.of("CARDEX_INDEXER_REPLICAS", "CARDEX_IMAGE_TAG", "CARDEX_ES_PASSWORD",
            "CARDEX_API_ES_PASSWORD", "CARDEX_KIBANA_IMPORT_PASSWORD");
    private static final Pattern CARDEX_VARIABLE = Pattern.compile("\\b(CARDEX_[A-Z0-9_]+)");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?");
    /** A variable the compose file reads from .env: {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}. */
    private static final Pattern INTERPOLATED_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)");

    private static String composeText;
    private static Map<String, Map<String, Object>> services;
    private static Properties build;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        composeText = Files.readString(PROJECT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
        Map<String, Object> compose = new Yaml().load(composeText);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        String pom = Files.readString(PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
        build = new Properties();
        for (String property : List.of("kafka.version", "elasticsearch.version")) {
            Matcher value = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)<").matcher(pom);
            assertThat(value.find()).as("pom.xml sets %s", property).isTrue();
            build.setProperty(property, value.group(1));
        }
    }

    private static boolean isCardex(Map<String, Object> service) {
        return service.containsKey("build");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        return environment == null ? Map.of() : (Map<String, Object>) environment;
    }

    private static Set<String> accessPasswordVariables() {
        ElasticsearchAccess access = Access.builtIn(new DeploymentNames("cards", "topic", "topic.dead-letters", "group"))
                .elasticsearch();
        Set<String> variables = new HashSet<>();
        access.users().values().forEach(user -> variables.add(user.password()));
        access.reservedUsers().values().forEach(user -> variables.add(user.password()));
        return variables;
    }

    @Test
    void theServersAreTheVersionsTheTestsRunAgainst() {
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + build.getProperty("kafka.version"));
        String elastic = build.getProperty("elasticsearch.version");
        assertThat(services.get("elasticsearch").get("image"))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + elastic);
        assertThat(services.get("kibana").get("image")).isEqualTo("docker.elastic.co/kibana/kibana:" + elastic);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCardexServiceRunsACardexCommandAndEveryVariableItIsGivenIsOneThatCommandReads() {
        Set<String> commands = CommandSettings.byCommand().keySet();
        Set<String> checked = new HashSet<>();
        services.forEach((name, service) -> {
            if (!isCardex(service)) {
                return;
            }
            String command = ((List<String>) service.get("command")).get(0);
            assertThat(commands).as("command of service %s", name).contains(command);
            Set<String> read = new HashSet<>(CommandSettings.environmentVariablesOf(command));
            if (command.equals("ingest")) {
                read.addAll(Set.of(WebhookSecrets.GITHUB, WebhookSecrets.GITEE, WebhookSecrets.GITLAB));
            }
            read.addAll(passwordsFromTheEnvironment(command));
            Set<String> others = new HashSet<>(Set.of("JDK_JAVA_OPTIONS"));
            if (command.equals("access")) {
                // The passwords it sets, each in the variable access.yaml names for its user.
                others.addAll(accessPasswordVariables());
            }
            for (String variable : environment(service).keySet()) {
                if (variable.startsWith("CARDEX_")) {
                    assertThat(read).as("%s, given to service %s, is read by cardex %s", variable, name, command)
                            .contains(variable);
                } else {
                    assertThat(others).as("variable of service %s", name).contains(variable);
                }
            }
            checked.add(command);
        });
        assertThat(checked).contains("ingest", "indexer", "api", "setup");
    }

    @Test
    void everyCardexVariableOfTheExampleSettingsIsReadByACommandOrByTheComposeFile() throws IOException {
        Set<String> known = new HashSet<>(COMPOSE_ONLY);
        CommandSettings.byCommand().keySet().forEach(command -> known.addAll(CommandSettings.environmentVariablesOf(command)));
        known.addAll(Set.of(WebhookSecrets.GITHUB, WebhookSecrets.GITEE, WebhookSecrets.GITLAB));
        CommandSettings.byCommand().keySet().forEach(command -> known.addAll(passwordsFromTheEnvironment(command)));
        String example = Files.readString(PROJECT.resolve(".env.example"), StandardCharsets.UTF_8);

        Matcher variables = CARDEX_VARIABLE.matcher(example);
        while (variables.find()) {
            assertThat(known).as(".env.example mentions %s", variables.group(1)).contains(variables.group(1));
            if (!COMPOSE_ONLY.contains(variables.group(1))) {
                assertThat(composeText).as("docker-compose.yml passes on %s", variables.group(1))
                        .contains(variables.group(1));
            }
        }
    }

    /**
     * The passwords a command reads from the environment only, never through an option: the Kafka
     * user's of a command that logs in to Kafka, and those access.yaml names for cardex access.
     */
    private static Set<String> passwordsFromTheEnvironment(String command) {
        Set<String> passwords = new HashSet<>();
        if (CommandSettings.environmentVariablesOf(command).contains("CARDEX_KAFKA_USER")) {
            passwords.add(KafkaOptions.PASSWORD_VARIABLE);
        }
        if (command.equals("access")) {
            Access.builtIn(new DeploymentNames("cards", "topic", "dead-letters", "group")).kafka().users().values()
                    .forEach(user -> passwords.add(user.password()));
            passwords.addAll(accessPasswordVariables());
        }
        return passwords;
    }

    @Test
    void everyVariableTheComposeFileRequiresIsSetInTheExampleSettings() throws IOException {
        String example = Files.readString(PROJECT.resolve(".env.example"), StandardCharsets.UTF_8);

        Matcher required = REQUIRED_VARIABLE.matcher(composeText);
        while (required.find()) {
            assertThat(example).as(".env.example sets %s", required.group(1)).containsPattern("(?m)^" + required.group(1) + "=.+");
        }
    }

    @Test
    void everyVariableTheComposeFileTakesFromTheEnvironmentIsListedInTheExampleSettings() throws IOException {
        String example = Files.readString(PROJECT.resolve(".env.example"), StandardCharsets.UTF_8);
        Set<String> taken = new HashSet<>();
        Matcher interpolated = INTERPOLATED_VARIABLE.matcher(composeText);
        while (interpolated.find()) {
            taken.add(interpolated.group(1));
        }
        // A variable given without a value is passed on from .env when set there.
        services.values().forEach(service -> environment(service).forEach((variable, value) -> {
            if (value == null) {
                taken.add(variable);
            }
        }));

        assertThat(taken).contains("ELASTIC_PASSWORD", "CARDEX_INDEXER_REPLICAS", "CARDEX_TOPIC_PARTITIONS");
        for (String variable : taken) {
            assertThat(example).as(".env.example lists %s, set or commented out", variable)
                    .containsPattern("(?m)^(# )?" + variable + "=");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIndexerAndTheApiStartOnlyOnceSetupHasPreparedTheIndex() {
        for (String name : List.of("indexer", "api")) {
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(name).get("depends_on");
            assertThat(dependsOn.get("setup")).as("%s waits for setup", name)
                    .containsEntry("condition", "service_completed_successfully");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchDoesNotWaitForKibana() {
        for (String name : List.of("setup", "ingest", "indexer", "api")) {
            Map<String, Object> dependsOn = (Map<String, Object>) services.get(name).getOrDefault("depends_on", Map.of());
            assertThat(dependsOn).as("what %s waits for", name).doesNotContainKeys("kibana", "kibana-setup");
        }
        Map<String, Object> kibanaSetup = (Map<String, Object>) services.get("kibana-setup").get("depends_on");
        assertThat(kibanaSetup).containsKeys("kibana", "setup");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        services.forEach((name, service) -> {
            if (!"no".equals(service.get("restart"))) {
                assertThat(service).as("health check of %s", name).containsKey("healthcheck");
            }
        });
    }
}
