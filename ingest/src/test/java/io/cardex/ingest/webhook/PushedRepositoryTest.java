package io.cardex.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushedRepositoryTest {

    private static final PushedRepository MODEL_CARDS = new PushedRepository("cardex-org/model-cards", List.of(
            "https://github.com/cardex-org/model-cards.git",
            "git@github.com:cardex-org/model-cards.git",
            "https://github.com/cardex-org/model-cards"), Optional.of("main"));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://github.com/cardex-org/model-cards.git",
            "https://github.com/cardex-org/model-cards",
            "https://github.com/cardex-org/model-cards/",
            "http://GitHub.com/Cardex-Org/Model-Cards.git",
            "https://ci-bot:ghp_token@github.com/cardex-org/model-cards.git",
            "git@github.com:cardex-org/model-cards.git",
            "git@github.com:cardex-org/model-cards",
            "github.com:cardex-org/model-cards.git",
            "ssh://git@github.com/cardex-org/model-cards.git",
            "ssh://git@github.com:22/cardex-org/model-cards",
            "git://github.com/cardex-org/model-cards.git",
            "cardex-org/model-cards",
            "Cardex-Org/model-cards.git",
            " cardex-org/model-cards/ "})
    void matchesTheSameRepositoryWrittenAnyWayGitAccepts(String remote) {
        assertThat(MODEL_CARDS.matches(remote)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://github.com/cardex-org/model-cards-mirror.git",
            "https://github.com/someone/model-cards.git",
            "https://gitlab.com/cardex-org/model-cards.git",
            "git@gitee.com:cardex-org/model-cards.git",
            "https://github.com/cardex-org",
            "https://github.com/",
            "someone/model-cards",
            "model-cards",
            "",
            "/srv/git/cardex-org/model-cards"})
    void doesNotMatchAnotherRepositoryHostOrALocalPath(String remote) {
        assertThat(MODEL_CARDS.matches(remote)).isFalse();
    }

    @Test
    void matchesNestedGitLabGroupsByTheirFullPath() {
        PushedRepository nested = new PushedRepository("cardex-org/hub/model-cards",
                List.of("git@gitlab.com:cardex-org/hub/model-cards.git"), Optional.empty());

        assertThat(nested.matches("https://gitlab.com/cardex-org/hub/model-cards.git")).isTrue();
        assertThat(nested.matches("cardex-org/hub/model-cards")).isTrue();
        assertThat(nested.matches("https://gitlab.com/cardex-org/model-cards.git")).isFalse();
    }

    @Test
    void aPushUpdatesTheFollowedBranchOrElseTheDefaultBranch() {
        Push toMain = push("refs/heads/main");
        Push toDev = push("refs/heads/dev");

        assertThat(toMain.updates("git@github.com:cardex-org/model-cards.git", Optional.of("main"))).isTrue();
        assertThat(toMain.updates("git@github.com:cardex-org/model-cards.git", Optional.empty())).isTrue();
        assertThat(toDev.updates("git@github.com:cardex-org/model-cards.git", Optional.empty())).isFalse();
        assertThat(toDev.updates("git@github.com:cardex-org/model-cards.git", Optional.of("dev"))).isTrue();
        assertThat(toDev.updates("git@github.com:cardex-org/other.git", Optional.of("dev"))).isFalse();
    }

    @Test
    void aTagPushUpdatesNoBranchEvenOneNamedLikeTheTag() {
        Push tag = push("refs/tags/main");

        assertThat(tag.branch()).isEmpty();
        assertThat(tag.updates("cardex-org/model-cards", Optional.of("main"))).isFalse();
    }

    private static Push push(String ref) {
        return new Push(Provider.GITHUB, Optional.of("delivery"), ref, MODEL_CARDS, "3b8d5f0a6c1e2d4f7a9b0c1d2e3f4a5b6c7d8e9f");
    }
}
