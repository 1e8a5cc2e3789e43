package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A model card as cardex understands it: the normalised fields of its YAML header, its Markdown
 * body, and every problem found while reading it. A card with problems is still a card, so that
 * people can find it and fix it.
 *
 * <p>Fields the header does not set are {@code null} (lists are empty). Header keys cardex does
 * not know are kept in {@link #otherFields()}.
 */
public record Card(
        CardId id,
        String title,
        String modelName,
        String backboneName,
        ModuleType moduleType,
        Boolean fineTunable,
        String modelVersion,
        List<String> trainDatasets,
        Evaluation evaluation,
        Double accuracy,
        String author,
        LocalDate updateTime,
        String repoLink,
        String userId,
        List<String> usedFor,
        String mindsporeVersion,
        String license,
        String summary,
        List<Asset> assets,
        Map<String, Object> otherFields,
        String body,
        List<Problem> problems) {

    public Card {
        trainDatasets = List.copyOf(trainDatasets);
        usedFor = List.copyOf(usedFor);
        assets = List.copyOf(assets);
        otherFields = Map.copyOf(otherFields);
        problems = List.copyOf(problems);
    }

    /** A card is valid when none of its problems is an error; warnings are allowed. */
    @JsonIgnore
    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
