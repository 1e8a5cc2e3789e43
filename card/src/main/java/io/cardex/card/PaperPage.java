package io.cardex.card;

import java.util.List;

/**
 * What a paper page says about a paper: its title, abstract, authors, year and the benchmark
 * results it reports. Model cards that cite the paper are linked to it, so that a search for a
 * task or dataset of the paper finds the models too.
 */
public record PaperPage(String title, String abstractText, List<String> authors, Integer year,
                        List<Benchmark> benchmarks) {

    public PaperPage {
        authors = List.copyOf(authors);
        benchmarks = List.copyOf(benchmarks);
    }
}
