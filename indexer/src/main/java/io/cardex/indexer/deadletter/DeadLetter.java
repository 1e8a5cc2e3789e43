package io.cardex.indexer.deadletter;

import java.time.Instant;

/**
 * A change the indexer could not write, kept with why and where it came from, so that it can be
 * looked at, fixed at its source and replayed; the partition moves on meanwhile.
 *
 * @param reason        why it was not written: the event could not be read, or Elasticsearch
 *                      refused the document
 * @param value         the original record value: UTF-8 text, or Base64 when it was not text
 * @param valueEncoding {@code utf-8} or {@code base64}; absent for a tombstone
 * @param valueTruncated whether {@code value} holds only the start of the record's value: a letter
 *                      must fit in a Kafka record (1 MiB by default) however large the change was
 */
public record DeadLetter(
        String reason,
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        String valueEncoding,
        boolean valueTruncated,
        Instant deadAt) {
}
