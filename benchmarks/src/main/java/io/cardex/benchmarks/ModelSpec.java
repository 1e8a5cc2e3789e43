package io.cardex.benchmarks;

import io.cardex.card.Asset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one generated card says about its model, every value as a card author would write it
 * (a link may keep its angle brackets, a boolean may be {@code True} or {@code false}).
 *
 * @param name          the card's name, which is also the last part of its id
 * @param trainBackend  {@code null} when the card leaves the field out, as many do
 * @param inferBackend  {@code null} when the card leaves the field out
 * @param inputShape    {@code null} when the card leaves the field out
 */
record ModelSpec(ModelFamily family, String name, String moduleType, String fineTunable,
                 String version, String dataset, String evaluation, String author, String updateTime,
                 String repoLink, String userId, String usedFor, String trainBackend, String inferBackend,
                 String inputShape, String license, List<Asset> assets) {

    private static final List<String> VERSIONS = List.of("1.6", "1.7", "1.8", "1.9", "1.10", "2.0", "2.1", "2.2");
    /** Datasets missing from the hub's list: real cards use new ones, which is only a warning. */
    private static final List<String> UNKNOWN_DATASETS =
            List.of("Objects365", "nuScenes", "Flickr30k", "WebVision", "FactoryDefects-v3");
    private static final String ASSET_HOST = "https://download.mindspore.cn/models/";
    private static final double UNKNOWN_DATASET_CHANCE = 0.15;
    private static final double DIGEST_PREFIX_CHANCE = 0.15;

    static ModelSpec random(SeededChoices choices) {
        ModelFamily family = choices.oneOf(ModelFamily.ALL);
        String version = choices.oneOf(VERSIONS);
        String dataset = choices.chance(UNKNOWN_DATASET_CHANCE)
                ? choices.oneOf(UNKNOWN_DATASETS) : choices.oneOf(family.datasets());
        String name = family.name() + choices.oneOf("", "", "", "_v2", "_lite", "_int8") + "_" + slug(dataset);
        String evaluation = evaluation(choices);
        String userId = choices.oneOf("MindSpore", "MindSpore", "MindSpore", "mindspore-lab", "hub-community");
        String codePlace = choices.oneOf("official", "research");
        return new ModelSpec(family, name, family.moduleType(),
                choices.oneOf("True", "True", "False", "true", "false"),
                version, dataset, evaluation,
                choices.oneOf("MindSpore team", "MindSpore team", "Huawei Noah Ark Lab", "Zhang Wei",
                        "Open source community"),
                choices.between(2021, 2023) + "-" + choices.between(1, 12) + "-" + choices.between(1, 28),
                bracketed(choices, "https://gitee.com/mindspore/models/tree/r" + version + "/" + codePlace + "/"
                        + family.area() + "/" + family.name()),
                userId,
                choices.oneOf("inference", "inference", "inference/transfer-learning", "extract-feature"),
                choices.chance(0.5) ? choices.oneOf("ascend", "gpu/ascend", "gpu") : null,
                choices.chance(0.5) ? choices.oneOf("ascend", "ascend/gpu/cpu", "cpu") : null,
                choices.chance(0.4) ? inputShape(choices, family.area()) : null,
                choices.oneOf("Apache2.0", "Apache2.0", "Apache2.0", "MIT", "BSD-3-Clause"),
                assets(choices, name, version, dataset, codePlace, family.area(), evaluation));
    }

    String summary() {
        return family.name() + " is used for " + family.area();
    }

    /** The id's first part: hubs file cards by user, in lower case. */
    String owner() {
        return userId.toLowerCase(Locale.ROOT);
    }

    private static String evaluation(SeededChoices choices) {
        return switch (choices.between(0, 5)) {
            case 0 -> "acc" + choices.oneOf(String.valueOf(choices.between(60, 99)), choices.figure(60, 99));
            case 1 -> "mAP" + choices.figure(20, 60);
            case 2 -> "acc" + choices.figure(90, 99) + " | acccls" + choices.figure(80, 95)
                    + " | iou" + choices.figure(85, 99);
            case 3 -> "100%-EER:" + choices.figure(95, 99.9) + " | TRP@FAR=1%:" + choices.figure(90, 99.9);
            case 4 -> "top1:" + choices.figure(60, 85) + " | top5:" + choices.figure(85, 97);
            default -> "-";
        };
    }

    private static String inputShape(SeededChoices choices, String area) {
        if (area.equals("nlp")) {
            int length = choices.oneOf(128, 256, 512);
            return "[[1, " + length + "], [1, " + length + "]]";
        }
        int side = choices.oneOf(224, 256, 320, 416, 512);
        return choices.oneOf("[1, 3, " + side + ", " + side + "]", "[[1, 3, " + side + ", " + side + "]]");
    }

    private static List<Asset> assets(SeededChoices choices, String name, String version, String dataset,
                                      String codePlace, String area, String evaluation) {
        List<Asset> assets = new ArrayList<>();
        int count = choices.oneOf(1, 1, 1, 2, 3);
        List<String> formats = List.of("ckpt", choices.oneOf("mindir", "air"), "onnx");
        for (int i = 0; i < count; i++) {
            String file = name + "_ascend_v" + version.replace(".", "") + "0_" + slug(dataset) + "_" + codePlace + "_"
                    + area + metricsInFileName(evaluation) + "." + formats.get(i);
            String digest = choices.chance(DIGEST_PREFIX_CHANCE) ? choices.hex(8) : choices.hex(64);
            assets.add(new Asset(formats.get(i), bracketed(choices, ASSET_HOST + "r" + version + "/" + file), digest));
        }
        return assets;
    }

    /** The hub names a checkpoint after its metrics: {@code _acc98.14_acccls89.39_iou98.08}. */
    private static String metricsInFileName(String evaluation) {
        String metrics = evaluation.replace(" | ", "_").replaceAll("[^A-Za-z0-9._]", "");
        return metrics.isEmpty() ? "" : "_" + metrics;
    }

    /** Most hub cards write links in angle brackets; some do not. */
    private static String bracketed(SeededChoices choices, String link) {
        return choices.chance(0.8) ? "<" + link + ">" : link;
    }

    private static String slug(String dataset) {
        return dataset.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
