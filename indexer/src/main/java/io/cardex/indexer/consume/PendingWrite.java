package io.cardex.indexer.consume;

import io.cardex.indexer.index.IndexAction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** A write of the card index under way, with the record it comes from. */
public record PendingWrite(ConsumerRecord<String, byte[]> record, IndexAction action) {

    public TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    public long offset() {
        return record.offset();
    }
}
