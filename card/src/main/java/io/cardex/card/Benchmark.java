package io.cardex.card;

/**
 * One result a paper page reports, e.g. semantic segmentation on ADE20K (val): mIoU 42.4.
 *
 * @param rank the result's rank on the source's leaderboard, when given
 */
public record Benchmark(String task, String dataset, Metric result, Integer rank) {
}
