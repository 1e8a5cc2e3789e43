package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardPathsTest {

    private static final CardPaths.ContentProbe ALL_TEXT = path -> Optional.empty();

    @Test
    void aCardIsAMarkdownFileAtAnyDepthBelowItsUser() {
        CardPaths.Sorted sorted = CardPaths.sort(List.of("me/card.md", "mindspore/1.9/refinenet.md",
                "noah-cvlab/gpu/1.8/ghostnet.md", "mindspore/ascend/0.7/extra/resnet.md"), ALL_TEXT);

        assertThat(sorted.cards().keySet()).extracting(CardId::value).containsExactly("me/card",
                "mindspore/1.9/refinenet", "mindspore/ascend/0.7/extra/resnet", "noah-cvlab/gpu/1.8/ghostnet");
        assertThat(sorted.skipped()).isEmpty();
    }

    @Test
    void theSameNameInTwoLayoutsIsTwoCards() {
        CardPaths.Sorted sorted = CardPaths.sort(List.of("mindspore/gpu/1.0/lenet.md", "mindspore/1.0/lenet.md"), ALL_TEXT);

        assertThat(sorted.cards()).hasSize(2);
    }

    @Test
    void aChineseVersionBelongsToItsEnglishCard() {
        CardPaths.Sorted sorted = CardPaths.sort(List.of("me/gpu/1.0/x.md", "me/gpu/1.0/x_cn.md"), ALL_TEXT);

        assertThat(sorted.filesOf(new CardId("me/gpu/1.0/x")))
                .isEqualTo(Map.of(Language.EN, "me/gpu/1.0/x.md", Language.ZH, "me/gpu/1.0/x_cn.md"));
    }

    @Test
    void everyOtherFileIsSkippedWithItsReason() {
        CardPaths.Sorted sorted = CardPaths.sort(List.of("top.md", "README.md", "me/README.md", "me/1.0/Readme_cn.md",
                "me/1.0/logo.png", "me/1.0/notes.MD", "me/1.0/only_cn.md", "me/ /x.md", "me/1.0/card.md"), ALL_TEXT);

        assertThat(sorted.cards().keySet()).containsExactly(new CardId("me/1.0/card"));
        assertThat(sorted.skipped()).containsExactly(
                new SkippedFile("README.md", SkipReason.README),
                new SkippedFile("me/ /x.md", SkipReason.NOT_A_KEY),
                new SkippedFile("me/1.0/Readme_cn.md", SkipReason.README),
                new SkippedFile("me/1.0/logo.png", SkipReason.NOT_MARKDOWN),
                new SkippedFile("me/1.0/notes.MD", SkipReason.NOT_MARKDOWN),
                new SkippedFile("me/1.0/only_cn.md", SkipReason.CHINESE_WITHOUT_ENGLISH),
                new SkippedFile("me/README.md", SkipReason.README),
                new SkippedFile("top.md", SkipReason.NOT_A_KEY));
    }

    @Test
    void aBinaryOrUnreadableFileIsSkippedAndItsChineseVersionWithIt() {
        Map<String, SkipReason> found = Map.of("me/1.0/image.md", SkipReason.BINARY, "me/1.0/locked.md",
                SkipReason.UNREADABLE);
        CardPaths.Sorted sorted = CardPaths.sort(List.of("me/1.0/image.md", "me/1.0/image_cn.md", "me/1.0/locked.md"),
                path -> Optional.ofNullable(found.get(path)));

        assertThat(sorted.cards()).isEmpty();
        assertThat(sorted.skipped()).containsExactly(
                new SkippedFile("me/1.0/image.md", SkipReason.BINARY),
                new SkippedFile("me/1.0/image_cn.md", SkipReason.CHINESE_WITHOUT_ENGLISH),
                new SkippedFile("me/1.0/locked.md", SkipReason.UNREADABLE));
    }

    @Test
    void onlyPossibleCardFilesAreLookedInto() {
        Set<String> probed = new java.util.TreeSet<>();
        CardPaths.sort(List.of("me/1.0/logo.png", "README.md", "me/1.0/card.md", "me/1.0/card_cn.md"), path -> {
            probed.add(path);
            return Optional.empty();
        });

        assertThat(probed).containsExactly("me/1.0/card.md", "me/1.0/card_cn.md");
    }

    @Test
    void aFileWithANulByteNearItsStartIsBinary() {
        assertThat(CardPaths.isBinary("---\nmodel-name: x\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(CardPaths.isBinary(new byte[] {'P', 'N', 'G', 0, 1})).isTrue();
    }

    @Test
    void aCardOverTheSizeLimitIsStillACardForTheParserToReport() {
        // Size is no reason to skip: the parser reports it as an error of the card, findable as invalid.
        CardPaths.Sorted sorted = CardPaths.sort(List.of("me/1.0/huge.md"), ALL_TEXT);
        CardFile huge = new CardFile("me/1.0/huge.md", new byte[0], 10_000_000);

        Card card = new CardParser(CardRules.DEFAULT).parse(new CardId("me/1.0/huge"), Optional.of(huge), Optional.empty());

        assertThat(sorted.cards()).hasSize(1);
        assertThat(card.isValid()).isFalse();
        assertThat(card.problems()).extracting(Problem::code).containsExactly("file-too-large");
    }
}
