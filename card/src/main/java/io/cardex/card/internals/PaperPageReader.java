package io.cardex.card.internals;

import io.cardex.card.Benchmark;
import io.cardex.card.Evaluation;
import io.cardex.card.Metric;
import io.cardex.card.PaperPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a paper page as saved from a paper index site: the title, an "About" line, the
 * abstract, an authors line ending in "• year", and a "Related benchmarks" table whose rows
 * come as three lines (task and dataset run together, result, rank).
 */
public final class PaperPageReader {

    private static final String ABOUT = "about";
    private static final String BENCHMARKS = "related benchmarks";
    /**
     * Greedy, so that a long line of blanks is matched in linear time; the authors it captures
     * may end in blanks, which are stripped with each name.
     */
    private static final Pattern AUTHORS_AND_YEAR = Pattern.compile("^(.+)•\\s*+((?:19|20)\\d{2})$");
    private static final Pattern TABLE_HEADER = Pattern.compile("(?i)^task\\s*dataset\\s*result\\s*rank$");
    private static final Pattern TABLE_END = Pattern.compile("(?i)^(showing \\d+ of \\d+ rows|other info)\\b.*");
    private static final Pattern RANK = Pattern.compile("\\d{1,9}");
    /** Where the scraped table glued the dataset to the task: "segmentationADE20K". */
    private static final Pattern TASK_DATASET_SEAM = Pattern.compile("(?<=\\p{Ll})(?=[\\p{Lu}\\d])");

    private PaperPageReader() {
    }

    /** The paper page the text is, or empty when it is not one. */
    public static Optional<PaperPage> read(String text) {
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        int about = indexOf(lines, ABOUT, 1);
        if (about < 0) {
            return Optional.empty();
        }
        int authors = about + 1;
        while (authors < lines.size() && !AUTHORS_AND_YEAR.matcher(lines.get(authors)).matches()) {
            authors++;
        }
        if (authors == lines.size() || authors == about + 1) {
            return Optional.empty();
        }
        Matcher byline = AUTHORS_AND_YEAR.matcher(lines.get(authors));
        byline.matches();
        return Optional.of(new PaperPage(
                lines.get(about - 1),
                String.join("\n\n", lines.subList(about + 1, authors)),
                Arrays.stream(byline.group(1).split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList(),
                Integer.valueOf(byline.group(2)),
                benchmarks(lines, indexOf(lines, BENCHMARKS, authors + 1))));
    }

    private static int indexOf(List<String> lines, String wanted, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Benchmark> benchmarks(List<String> lines, int start) {
        List<Benchmark> benchmarks = new ArrayList<>();
        if (start < 0) {
            return benchmarks;
        }
        int i = start + 1;
        if (i < lines.size() && TABLE_HEADER.matcher(lines.get(i)).matches()) {
            i++;
        }
        while (i + 1 < lines.size() && !TABLE_END.matcher(lines.get(i)).matches()) {
            List<Metric> result = Evaluation.parse(lines.get(i + 1)).metrics();
            if (result.size() != 1) {
                break;
            }
            String[] taskAndDataset = TASK_DATASET_SEAM.split(lines.get(i), 2);
            Integer rank = i + 2 < lines.size() && RANK.matcher(lines.get(i + 2)).matches()
                    ? Integer.valueOf(lines.get(i + 2)) : null;
            benchmarks.add(new Benchmark(taskAndDataset[0].strip(),
                    taskAndDataset.length > 1 ? taskAndDataset[1].strip() : null, result.get(0), rank));
            i += rank == null ? 2 : 3;
        }
        return benchmarks;
    }
}
