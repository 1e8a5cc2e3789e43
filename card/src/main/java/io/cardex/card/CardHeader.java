package io.cardex.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The normalised fields of a model card's YAML header. Fields the header does not set are
 * {@code null} (lists are empty); keys cardex does not know are kept in {@link #otherFields()}.
 *
 * @param trainDatasets {@code train-dataset}, several datasets being joined by '_'
 * @param usedFor       {@code used-for}, split at '/'
 * @param inputShape    {@code input-shape}: one list of dimensions per model input
 */
public record CardHeader(
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
        List<String> trainBackends,
        List<String> inferBackends,
        String mindsporeVersion,
        List<List<Integer>> inputShape,
        Boolean allowCacheCkpt,
        String license,
        String summary,
        List<Asset> assets,
        Map<String, Object> otherFields) {

    public CardHeader {
        trainDatasets = List.copyOf(trainDatasets);
        usedFor = List.copyOf(usedFor);
        trainBackends = List.copyOf(trainBackends);
        inferBackends = List.copyOf(inferBackends);
        inputShape = inputShape.stream().map(List::copyOf).toList();
        assets = List.copyOf(assets);
        otherFields = Map.copyOf(otherFields);
    }
}
