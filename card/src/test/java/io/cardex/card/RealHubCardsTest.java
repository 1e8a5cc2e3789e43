package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real cards of MindSpore Hub (src/test/resources/real-hub, see its SOURCE.md), read as a cards
 * root the way ingest and {@code cardex validate} read one: every card the hub publishes is valid
 * in cardex, with at most warnings; only the card the hub's own checker refuses is invalid.
 */
class RealHubCardsTest {

    /** Its header is not YAML ({@code accuracy: resnet50: 83.08}): the hub's checker refuses it too. */
    private static final CardId BROKEN = new CardId("noah-cvlab/gpu/1.8/vanillakd_v1.0_imagenet2012");

    private static Path root;
    private static CardPaths.Sorted sorted;

    @BeforeAll
    static void sortTheCardsRoot() throws IOException, URISyntaxException {
        root = Path.of(RealHubCardsTest.class.getResource("/real-hub/mshub_res/assets").toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
        sorted = CardPaths.sort(files, below -> {
            try (InputStream in = Files.newInputStream(root.resolve(below))) {
                return CardPaths.probe(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void everyFileIsACardAtWhateverDepth() {
        assertThat(sorted.skipped()).isEmpty();
        assertThat(sorted.cards()).hasSize(21).containsKeys(
                new CardId("mindspore/1.10/bgcf_amazonbeauty"),
                new CardId("mindspore/ascend/0.7/gat_v1.0_cora"),
                new CardId("noah-cvlab/gpu/1.0/VGG-Small-low bit_cifar10"));
        assertThat(sorted.filesOf(new CardId("mindspore/ascend/0.7/gat_v1.0_cora"))).containsOnlyKeys(Language.EN, Language.ZH);
    }

    @Test
    void everyCardTheHubPublishesIsValidWithAtMostWarnings() {
        Map<CardId, Card> cards = parseAll();

        assertThat(cards.entrySet()).filteredOn(entry -> !entry.getKey().equals(BROKEN))
                .allSatisfy(entry -> assertThat(entry.getValue().problems())
                        .as("problems of %s", entry.getKey())
                        .allMatch(problem -> problem.severity() == Severity.WARNING));
    }

    @Test
    void theCardTheHubRefusesIsInvalidForItsYaml() {
        assertThat(parseAll().get(BROKEN).problems()).extracting(Problem::code, Problem::severity)
                .containsExactly(tuple("yaml-syntax", Severity.ERROR));
    }

    @Test
    void readsTheHubsQuirksAsTheHubDoes() {
        Map<CardId, Card> cards = parseAll();

        Card alexnet = cards.get(new CardId("mindspore/gpu/0.6/alexnet_v1_cifar10"));
        assertThat(alexnet.header().author()).isEqualTo("network-fo");
        assertThat(alexnet.problems()).extracting(Problem::code).containsExactly("not-text");
        Card ipt = cards.get(new CardId("noah-cvlab/ascend/1.1/ipt_v1.0_Set14_SR_x2"));
        assertThat(ipt.header().moduleType()).isEqualTo(new ModuleType("cv", "super-resolution"));
        Card mirrored = cards.get(new CardId("mindspore/2.5/googlenet_imagenet2012"));
        assertThat(mirrored.header().assets()).extracting(Asset::link)
                .containsExactly("https://download-mindspore.osinfra.cn/toolkits/mindcv/googlenet/googlenet-de74c31d-910v2.ckpt");
        assertThat(mirrored.problems()).extracting(Problem::code).containsExactly("sha256-prefix");
        assertThat(cards.get(new CardId("mindspore/1.9/molecular_dynamics_water")).header().moduleType().type()).isEqualTo("hpc");
    }

    private static Map<CardId, Card> parseAll() {
        CardParser parser = new CardParser(CardRules.DEFAULT);
        Map<CardId, Card> cards = new LinkedHashMap<>();
        sorted.cards().forEach((id, files) -> cards.put(id, parser.parse(id, read(files.get(Language.EN)),
                read(files.get(Language.ZH)))));
        return cards;
    }

    private static Optional<CardFile> read(String below) {
        if (below == null) {
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(root.resolve(below));
            return Optional.of(new CardFile("mshub_res/assets/" + below, content, content.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
