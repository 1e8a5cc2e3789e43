package io.cardex.card;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card's {@code evaluation} line: the text as written and the metrics that could be read
 * from it. Real cards write it in many shapes ({@code acc80}, {@code mAP41.51},
 * {@code acc98.14 | acccls89.39 | iou98.08}, {@code 100%-EER:98.73}); what cannot be read is kept
 * in {@link #raw()} only.
 */
public record Evaluation(String raw, List<Metric> metrics) {

    private static final Pattern NAME_THEN_NUMBER =
            Pattern.compile("([A-Za-z][A-Za-z@%_\\-]*?)\\s*(-?\\d+(?:\\.\\d+)?)\\s*%?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    public Evaluation {
        metrics = List.copyOf(metrics);
    }

    public static Evaluation parse(String raw) {
        List<Metric> metrics = new ArrayList<>();
        for (String part : raw.split("\\|")) {
            String figure = part.trim();
            int colon = figure.lastIndexOf(':');
            if (colon > 0) {
                String value = figure.substring(colon + 1).trim().replaceFirst("%$", "");
                if (NUMBER.matcher(value).matches()) {
                    addFinite(metrics, figure.substring(0, colon).trim(), value);
                }
                continue;
            }
            Matcher matcher = NAME_THEN_NUMBER.matcher(figure);
            if (matcher.matches()) {
                addFinite(metrics, matcher.group(1), matcher.group(2));
            }
        }
        return new Evaluation(raw.trim(), metrics);
    }

    /** A figure of 309 digits or more is too large for a double, and no index takes Infinity: it stays in raw only. */
    private static void addFinite(List<Metric> metrics, String name, String figure) {
        double value = Double.parseDouble(figure);
        if (Double.isFinite(value)) {
            metrics.add(new Metric(name, value));
        }
    }
}
