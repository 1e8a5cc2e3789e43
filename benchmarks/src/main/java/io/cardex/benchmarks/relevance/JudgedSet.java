package io.cardex.benchmarks.relevance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The judged queries of {@code relevance/queries.yaml}. */
public record JudgedSet(List<JudgedQuery> queries) {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // kind: question, as people write it, is Kind.QUESTION.
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    public JudgedSet {
        queries = List.copyOf(queries);
    }

    public static JudgedSet read(Path file) throws IOException {
        return YAML.readValue(file.toFile(), JudgedSet.class);
    }

    public List<JudgedQuery> of(JudgedQuery.Kind kind) {
        return queries.stream().filter(query -> query.kind() == kind).toList();
    }

    /**
     * Throws when a query judges a card the corpus does not hold: a renamed or deleted card would
     * otherwise lower every score without saying why.
     */
    public void requireCardsOf(Set<String> corpusCardIds) {
        Set<String> unknown = new TreeSet<>();
        for (JudgedQuery query : queries) {
            query.judged().keySet().stream().filter(card -> !corpusCardIds.contains(card))
                    .map(card -> "'" + query.query() + "' judges " + card).forEach(unknown::add);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("the judged set names cards the corpus does not hold (rename them"
                    + " in queries.yaml or bring the cards back): " + String.join("; ", unknown));
        }
    }
}
