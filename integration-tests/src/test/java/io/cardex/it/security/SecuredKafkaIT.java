package io.cardex.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.KafkaGrants;
import io.cardex.api.ApiConfig;
import io.cardex.api.KafkaSettings;
import io.cardex.api.stats.ConsumerLag;
import io.cardex.card.CardRules;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.indexer.BulkSettings;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.WebhookSettings;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.SecuredStack;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.UniqueNames;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.DeadLetterTopic;
import io.cardex.topics.KafkaAccessCheck;
import io.cardex.topics.KafkaAccessCheck.Need;
import io.cardex.topics.KafkaConnection;
import io.cardex.topics.KafkaLogin;
import io.cardex.topics.KafkaRefusedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka secured as access.yaml says, on a real broker with its authorizer on: each cardex user may
 * do what its service needs and is refused the rest, a refusal is said in one line naming the user
 * and what was refused, and the whole pipeline runs with these users, and on Elasticsearch with
 * security on as its users (the {@link SecuredStack}).
 */
class SecuredKafkaIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final UniqueNames UNIQUE = UniqueNames.forTest("secured-kafka");
    /** The secured stack's card index, which its roles are written for; a topic and group of this test's own. */
    private static final UniqueNames NAMES = new UniqueNames(UNIQUE.topic(), SecuredStack.INDEX, UNIQUE.consumerGroup());
    private static final String DEAD_LETTERS = DeadLetterTopic.of(NAMES.topic());
    private static final String OTHER_TOPIC = NAMES.topic() + "-other";
    private static final String OTHER_GROUP = NAMES.consumerGroup() + "-other";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "CARDEX_INGEST_KAFKA_PASSWORD", SecuredStack.randomPassword(),
            "CARDEX_INDEXER_KAFKA_PASSWORD", SecuredStack.randomPassword(),
            "CARDEX_API_KAFKA_PASSWORD", SecuredStack.randomPassword());

    private static KafkaGrants grants;
    private static KafkaGrants.Changes firstGrant;
    private static KafkaConnection ingest;
    private static KafkaConnection indexer;
    private static KafkaConnection api;

    @BeforeAll
    static void grantAccessYaml() throws Exception {
        KafkaConnection superUser = SecuredStack.kafkaSuperUser();
        grants = new KafkaGrants(Access.builtIn(new DeploymentNames(NAMES.index().alias(), NAMES.topic(), DEAD_LETTERS,
                NAMES.consumerGroup())).kafka(), ENVIRONMENT::get);
        firstGrant = grants.apply(superUser);
        ingest = as("cardex_ingest", "CARDEX_INGEST_KAFKA_PASSWORD");
        indexer = as("cardex_indexer", "CARDEX_INDEXER_KAFKA_PASSWORD");
        api = as("cardex_api", "CARDEX_API_KAFKA_PASSWORD");
        // Each service creates its own topic, as it does at start; a topic no one may use, for the refusals.
        CardChangeTopic.ensureExists(ingest, NAMES.topic(), 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        DeadLetterTopic.ensureExists(indexer, DEAD_LETTERS, 3, (short) 1);
        CardChangeTopic.ensureExists(superUser, OTHER_TOPIC, 1, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
    }

    @Test
    void applyingAccessYamlAgainChangesNothing() throws Exception {
        assertThat(firstGrant.credentialsSet()).containsExactlyInAnyOrder("cardex_ingest", "cardex_indexer", "cardex_api");
        assertThat(firstGrant.aclsAdded()).isPositive();

        assertThat(grants.apply(SecuredStack.kafkaSuperUser()).none()).isTrue();
    }

    @Test
    void aUserDroppedFromAccessYamlLosesItsAclsOnCardexsTopicsAndItsCredential() throws Exception {
        String dropped = "cardex_dropped";
        String elsewhere = "reporting";
        String droppedPassword = SecuredStack.randomPassword();
        try (Admin admin = Admin.create(SecuredStack.kafkaSuperUser().clientSettings(Map.of()))) {
            // As an earlier access.yaml would have made them; the second also reads a topic of its own.
            admin.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion(dropped, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                            droppedPassword),
                    new UserScramCredentialUpsertion(elsewhere, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                            SecuredStack.randomPassword()))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(readAcl(dropped, NAMES.topic()), readAcl(elsewhere, NAMES.topic()),
                    readAcl(elsewhere, OTHER_TOPIC))).all().get(30, TimeUnit.SECONDS);
            // The broker answers from its copy of the metadata, which follows the controller's shortly.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    aclsOf(admin, dropped).size() == 1 && aclsOf(admin, elsewhere).size() == 2);

            KafkaGrants.Changes changes = grants.apply(SecuredStack.kafkaSuperUser());

            assertThat(changes.usersRemoved()).containsExactly(dropped);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(aclsOf(admin, dropped)).isEmpty();
                assertThat(aclsOf(admin, elsewhere)).as("a user of something else keeps what it holds there")
                        .containsExactly(readAcl(elsewhere, OTHER_TOPIC));
                assertThat(admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS))
                        .doesNotContainKey(dropped).containsKey(elsewhere);
            });
        }
        KafkaConnection asDropped = KafkaConnection.as(SecuredStack.get().kafkaBootstrapServers(),
                KafkaLogin.scram(dropped, droppedPassword));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThatThrownBy(() -> KafkaAccessCheck.require(asDropped, List.of()))
                        .isInstanceOf(KafkaRefusedException.class)
                        .hasMessageContaining("refuses the login of user " + dropped));
    }

    private static AclBinding readAcl(String user, String topic) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", AclOperation.READ, AclPermissionType.ALLOW));
    }

    private static List<AclBinding> aclsOf(Admin admin, String user) throws Exception {
        return List.copyOf(admin.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + user, null, AclOperation.ANY, AclPermissionType.ANY)))
                .values().get(30, TimeUnit.SECONDS));
    }

    @Test
    void ingestMayWriteTheCardTopicAndNothingElse() throws Exception {
        assertThatCode(() -> KafkaAccessCheck.require(ingest, List.of(Need.writeTopic(NAMES.topic()))))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> read(ingest, NAMES.topic(), Optional.empty()))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> write(ingest, DEAD_LETTERS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> write(ingest, OTHER_TOPIC)).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> CardChangeTopic.ensureExists(ingest, NAMES.topic() + "-new", 1, (short) 1,
                CardRules.DEFAULT_MAX_FILE_BYTES))
                .isInstanceOf(KafkaRefusedException.class)
                .hasMessage("Kafka refuses user cardex_ingest to create topic " + NAMES.topic() + "-new"
                        + ": grant it in access.yaml and apply it (cardex access)");
        assertThatThrownBy(() -> KafkaAccessCheck.require(ingest, List.of(Need.readTopic(NAMES.topic()))))
                .isInstanceOf(KafkaRefusedException.class)
                .hasMessage("Kafka refuses user cardex_ingest to read topic " + NAMES.topic()
                        + ": grant it in access.yaml and apply it (cardex access)");
    }

    @Test
    void theIndexerMayReadTheCardTopicWithItsGroupAndWriteTheDeadLetterTopicOnly() throws Exception {
        assertThatCode(() -> KafkaAccessCheck.require(indexer, List.of(Need.readTopic(NAMES.topic()),
                Need.consumeWithGroup(NAMES.consumerGroup()), Need.writeTopic(DEAD_LETTERS))))
                .doesNotThrowAnyException();
        assertThatCode(() -> write(indexer, DEAD_LETTERS)).doesNotThrowAnyException();

        assertThatThrownBy(() -> write(indexer, NAMES.topic())).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(indexer, NAMES.topic(), Optional.of(OTHER_GROUP)))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> KafkaAccessCheck.require(indexer, List.of(Need.consumeWithGroup(OTHER_GROUP))))
                .isInstanceOf(KafkaRefusedException.class)
                .hasMessage("Kafka refuses user cardex_indexer to use consumer group " + OTHER_GROUP
                        + ": grant it in access.yaml and apply it (cardex access)");
    }

    @Test
    void anIndexerWhoseGroupIsNotGrantedStopsAtStartInsteadOfRetrying() throws Exception {
        IndexerConfig config = new IndexerConfig(indexer, NAMES.topic(), OTHER_GROUP, SecuredStack.userUrl("cardex"),
                NAMES.index(), BulkSettings.DEFAULT, Optional.empty()).withElasticsearchCa(SecuredStack.get().elasticsearchCa());
        try (IndexerService refused = new IndexerService(config, new SimpleMeterRegistry())) {
            refused.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !refused.isRunning());
        }
    }

    @Test
    void theApiMayReadTheIndexersOffsetsButNoRecord() throws Exception {
        try (ConsumerLag lag = new ConsumerLag(new KafkaSettings(api, NAMES.topic(), NAMES.consumerGroup()))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(lag.events()).isNotNegative());
        }

        assertThatThrownBy(() -> read(api, NAMES.topic(), Optional.empty()))
                .isInstanceOf(TopicAuthorizationException.class);
        // Refused the topic, or already the idempotent producer's id: it may write no topic at all.
        assertThatThrownBy(() -> write(api, NAMES.topic())).cause()
                .isInstanceOfAny(TopicAuthorizationException.class, ClusterAuthorizationException.class);
        assertThatThrownBy(() -> KafkaAccessCheck.require(api, List.of(Need.readTopic(NAMES.topic()))))
                .isInstanceOf(KafkaRefusedException.class)
                .hasMessage("Kafka refuses user cardex_api to read topic " + NAMES.topic()
                        + ": grant it in access.yaml and apply it (cardex access)");
    }

    @Test
    void aWrongPasswordIsRefusedInOneLineNamingTheUser() {
        KafkaConnection wrong = KafkaConnection.as(SecuredStack.get().kafkaBootstrapServers(),
                KafkaLogin.scram("cardex_api", "notThePassword123"));

        assertThatThrownBy(() -> KafkaAccessCheck.require(wrong, List.of()))
                .isInstanceOf(KafkaRefusedException.class)
                .hasMessage("Kafka at " + SecuredStack.get().kafkaBootstrapServers() + " refuses the login of user cardex_api: "
                        + "check its password (CARDEX_KAFKA_PASSWORD) and that access.yaml was applied (cardex access)");
    }

    /** Kafka as these users, and Elasticsearch with security on over HTTPS as the users of access.yaml's elasticsearch: section. */
    @Test
    void thePipelineRunsWithTheseUsersOnKafkaAndOverHttpsAsItsUsersOnElasticsearch() throws Exception {
        Path work = TempDirectories.create("cardex-it-secured-ingest-");
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET);
             Pipeline pipeline = Pipeline.start(
                     new IngestConfig(List.of(new RepositoryConfig(new RepositorySource.Local(repository.directory()), "hub",
                             Optional.empty(), Optional.empty(), Duration.ofMillis(200), work, ingest, NAMES.topic(), 3,
                             (short) 1, CardRules.DEFAULT)), "127.0.0.1", 0, WebhookSettings.none()),
                     new IndexerConfig(indexer, NAMES.topic(), NAMES.consumerGroup(), SecuredStack.userUrl("cardex"),
                             NAMES.index(), BulkSettings.DEFAULT, Optional.empty())
                             .withElasticsearchCa(SecuredStack.get().elasticsearchCa()),
                     new ApiConfig("127.0.0.1", 0, SecuredStack.userUrl("cardex_api"), NAMES.index())
                             .withKafka(new KafkaSettings(api, NAMES.topic(), NAMES.consumerGroup()))
                             .withElasticsearchCa(SecuredStack.get().elasticsearchCa()))) {
            ApiClient client = new ApiClient(pipeline.apiPort());

            repository.commit("one card");

            await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(client.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012");
                assertThat(client.get("/stats").body().at("/indexing_lag/events").isNumber()).isTrue();
                assertThat(client.get("/stats").body().at("/indexing_lag/events").asLong()).isZero();
            });
            assertThat(pipeline.indexerRunning()).isTrue();
        } finally {
            TempDirectories.delete(work);
        }
    }

    private static KafkaConnection as(String user, String passwordVariable) {
        return KafkaConnection.as(SecuredStack.get().kafkaBootstrapServers(),
                KafkaLogin.scram(user, ENVIRONMENT.get(passwordVariable)));
    }

    /** Polls the topic's first partition as the user, with a group or without; Kafka's refusal is thrown. */
    private static void read(KafkaConnection user, String topic, Optional<String> group) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        group.ifPresent(name -> settings.put(ConsumerConfig.GROUP_ID_CONFIG, name));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(user.clientSettings(settings),
                new StringDeserializer(), new StringDeserializer())) {
            if (group.isPresent()) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }

    /** Writes one record as the user, idempotently as cardex does; Kafka's refusal is the cause of the exception thrown. */
    private static void write(KafkaConnection user, String topic) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(user.clientSettings(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "probe", "{}")).get();
        }
    }
}
