package io.cardex.benchmarks;

/**
 * A paper a generated card cites, identified either by an arXiv id or by a DOI.
 *
 * @param arxivId the arXiv id, or {@code null} when the paper is cited by its DOI
 * @param doi     the DOI, or {@code null} when the paper is cited by its arXiv id
 */
record Paper(String authors, String title, String venue, String arxivId, String doi) {

    static Paper onArxiv(String authors, String title, String venue, String arxivId) {
        return new Paper(authors, title, venue, arxivId, null);
    }

    static Paper withDoi(String authors, String title, String venue, String doi) {
        return new Paper(authors, title, venue, null, doi);
    }
}
