package io.cardex.api.stats;

import io.cardex.api.KafkaSettings;
import io.cardex.topics.KafkaRefusedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * How many card changes on the topic the indexer's consumer group has not committed yet, asked
 * of Kafka through one admin client kept for the life of the API.
 */
public final class ConsumerLag implements AutoCloseable {

    /** A stats page must answer even with Kafka gone. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KafkaSettings settings;
    private final Admin admin;

    public ConsumerLag(KafkaSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(settings.kafka().clientSettings(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "cardex-api-stats",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis())));
    }

    /** The card changes waiting for the indexer, over every partition of the topic. */
    public long events() throws LagUnknownException {
        try {
            return eventsBefore(System.nanoTime() + TIMEOUT.toNanos());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0; // Ingest has not created the topic yet: nothing waits.
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw notAnswered();
            }
            throw new LagUnknownException(KafkaRefusedException.of(e.getCause(), settings.kafka(), "describe")
                    .map(Throwable::getMessage).orElse("Kafka could not say: " + e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw notAnswered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagUnknownException("the API was interrupted while asking Kafka");
        }
    }

    private long eventsBefore(long deadline) throws ExecutionException, TimeoutException, InterruptedException {
        TopicDescription topic = await(admin.describeTopics(List.of(settings.topic())).topicNameValues()
                .get(settings.topic()), deadline);
        Set<TopicPartition> partitions = topic.partitions().stream()
                .map(partition -> new TopicPartition(topic.name(), partition.partition())).collect(Collectors.toSet());
        var committed = admin.listConsumerGroupOffsets(settings.indexerGroupId()).partitionsToOffsetAndMetadata();
        var latest = admin.listOffsets(every(partitions, OffsetSpec.latest())).all();
        var earliest = admin.listOffsets(every(partitions, OffsetSpec.earliest())).all();
        return behind(offsets(await(latest, deadline)), committedOffsets(await(committed, deadline)),
                offsets(await(earliest, deadline)));
    }

    /**
     * The sum over partitions of the offsets between what the group committed and the end. A
     * partition the group has not committed yet is read from its start, as the indexer does, and
     * so is one whose committed records Kafka has since removed.
     */
    static long behind(Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed,
                       Map<TopicPartition, Long> start) {
        long events = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            TopicPartition key = partition.getKey();
            long from = Math.max(committed.getOrDefault(key, 0L), start.getOrDefault(key, 0L));
            events += Math.max(0, partition.getValue() - from);
        }
        return events;
    }

    private static Map<TopicPartition, OffsetSpec> every(Set<TopicPartition> partitions, OffsetSpec spec) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec));
    }

    private static Map<TopicPartition, Long> offsets(Map<TopicPartition, ListOffsetsResultInfo> infos) {
        return infos.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** A partition without a committed offset is absent, or maps to null. */
    private static Map<TopicPartition, Long> committedOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static <T> T await(Future<T> answer, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static LagUnknownException notAnswered() {
        return new LagUnknownException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s");
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
