package io.cardex.benchmarks.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Asks the API's {@code /search} a judged query and reads the ranked card ids of its answer. */
public final class ApiSearch {

    /**
     * Scores are per card: an API that groups the versions of a model into one hit is asked not to,
     * when it knows the parameter, so that every version of a model counts as the judges graded it.
     */
    private static final Map<String, String> PER_CARD = Map.of("group", "card");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI api;
    private final Map<String, String> perCard;

    private ApiSearch(URI api, Map<String, String> perCard) {
        this.api = api;
        this.perCard = perCard;
    }

    /** Connects to the API at {@code api} and learns once whether it groups hits. */
    public static ApiSearch of(URI api) throws IOException, InterruptedException {
        ApiSearch probe = new ApiSearch(api, Map.of());
        HttpResponse<String> answer = probe.get(Map.of("q", "probe", "size", "1", "group", "card"));
        if (answer.statusCode() == 200) {
            return new ApiSearch(api, PER_CARD);
        }
        if (answer.statusCode() == 400 && answer.body().contains("'group'")) {
            return probe;
        }
        throw new IllegalStateException("/search answered " + answer.statusCode() + " to a probe: " + answer.body());
    }

    /** Whether the API was asked for one hit per card with {@code group=card}. */
    public boolean asksPerCard() {
        return !perCard.isEmpty();
    }

    /** The ids of the first {@code size} cards the API ranks for {@code query} in {@code mode}, best first. */
    public List<String> ranked(String query, SearchMode mode, int size) throws IOException, InterruptedException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", query);
        parameters.put("size", Integer.toString(size));
        parameters.putAll(perCard);
        parameters.putAll(mode.parameters());
        HttpResponse<String> answer = get(parameters);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("/search answered " + answer.statusCode() + " to '" + query + "' in mode "
                    + mode.name() + ": " + answer.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : json.readTree(answer.body()).path("cards")) {
            ids.add(hit.path("card").path("id").asText());
        }
        return ids;
    }

    private HttpResponse<String> get(Map<String, String> parameters) throws IOException, InterruptedException {
        String query = parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/search?" + query)).timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
