package io.cardex.card.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Fuzz;
import io.cardex.card.Language;
import io.cardex.card.Problem;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.Operation;
import io.cardex.card.event.UnreadableEventException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Whatever a card's header and body hold (see {@link HostileCards}), the parser returns the card,
 * valid or with well-formed problems, within a bounded memory, and the card travels the topic: it
 * encodes as a change event that the indexer reads back. Each test runs a fixed number of seeded
 * cases (see {@link Fuzz}): a failing case prints the card and its seed, and
 * {@code -Dcardex.fuzz.seed=SEED -Dcardex.fuzz.cases=1} runs it again, alone.
 */
class HostileCardsTest {

    private static final CardId ID = new CardId("someone/1.0/card");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /**
     * Memory a parse may allocate, per byte of its file, beyond a fixed allowance: far above what
     * a card needs, far below what a reader keeping a copy per node would take.
     */
    private static final long ALLOCATED_PER_BYTE = 400;
    private static final long ALLOCATED_ALLOWANCE = 64L << 20;
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ChangeEventCodec codec = new ChangeEventCodec();

    @TestFactory
    Stream<DynamicTest> anyCardParsesIntoAValidCardOrOneWithWellFormedProblems() {
        return Fuzz.cases(300, HostileCards::card, this::parsesWithWellFormedProblems);
    }

    private void parsesWithWellFormedProblems(HostileCards.HostileCard input) {
        byte[] bytes = input.bytes();
        String path = ID.path(Language.EN);

        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        Card card = new CardParser(CardRules.DEFAULT).parse(ID, Optional.of(new CardFile(path, bytes, bytes.length)),
                Optional.empty());
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertThat(card.id()).isEqualTo(ID);
        assertThat(card.body()).isNotNull();
        long lines = new String(bytes, StandardCharsets.UTF_8).lines().count() + 1;
        assertThat(card.problems()).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(path);
            assertThat(problem.code()).matches(KEBAB_CASE);
            assertThat(problem.line()).isBetween(0, (int) lines);
            assertThat(problem.message()).isNotBlank();
        });
        assertThat(allocated).as("bytes allocated to parse %d bytes", bytes.length)
                .isLessThan(ALLOCATED_ALLOWANCE + ALLOCATED_PER_BYTE * bytes.length);
    }

    @TestFactory
    Stream<DynamicTest> anyParsedCardTravelsTheTopicAsAChangeEventTheIndexerReads() {
        return Fuzz.cases(100, HostileCards::card, input -> {
            try {
                assertTravelsTheTopic(input.bytes());
            } catch (UnreadableEventException unreadable) {
                throw new AssertionError("the indexer cannot read the event: " + unreadable.getMessage(), unreadable);
            }
        });
    }

    /** Found by the property above: the key's lone surrogate made JSON no reader took, and the card a dead letter. */
    @Test
    void aKeyEscapingHalfASurrogatePairIsReadAsAReplacementCharacterAndTravelsTheTopic() throws Exception {
        byte[] bytes = "---\n? \"escapes \\x41 \\ud800 \\U0001F600\"\n: ~\n---\n".getBytes(StandardCharsets.UTF_8);

        Card card = assertTravelsTheTopic(bytes);

        assertThat(card.header().otherFields()).containsOnlyKeys("escapes A \uFFFD \uD83D\uDE00");
        assertThat(card.problems()).extracting(Problem::code).contains("invalid-escape");
    }

    private Card assertTravelsTheTopic(byte[] bytes) throws UnreadableEventException {
        String path = ID.path(Language.EN);
        Card card = new CardParser(CardRules.DEFAULT).parse(ID, Optional.of(new CardFile(path, bytes, bytes.length)),
                Optional.empty());
        ChangeEvent event = new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), "hub", "main",
                "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-11-25T10:15:30Z"), "Ada <ada@example.com>",
                ID, Operation.CREATE, List.of(new ChangeEvent.SourceFile(path, Language.EN)), card);
        CardChange.Upsert upsert = new CardChange.Upsert(event);

        CardTopicRecord read = codec.decode(codec.encodeKey(upsert), codec.encodeValue(upsert));

        assertThat(read).isInstanceOfSatisfying(CardChange.Upsert.class,
                readBack -> assertThat(readBack.event()).isEqualTo(event));
        return card;
    }
}
