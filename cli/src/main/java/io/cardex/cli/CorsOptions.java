package io.cardex.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** The options of every command that serves the search API: which web pages may call it from a browser. */
final class CorsOptions {

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",", converter = CorsOriginConverter.class,
            defaultValue = "${env:CARDEX_CORS_ORIGINS}",
            description = "A web origin whose pages may call the search API from a browser, such as "
                    + "https://hub.example.org, or * for every origin; repeat it for several "
                    + "(env CARDEX_CORS_ORIGINS, comma-separated; default: none, CORS off).")
    List<String> corsOrigins;

    List<String> origins() {
        return corsOrigins == null ? List.of() : corsOrigins;
    }
}
