package io.cardex.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the Markdown body of a generated card as hub cards have it: an introduction, a few
 * sections, a code block, a results table, a {@code ---} rule, the citation of the model's paper
 * and a disclaimer. The introduction grows until the body has the size asked for.
 */
final class BodyWriter {

    /** The words of a body that depend on its language. */
    private record Labels(String introduction, String architecture, String dataset, String quickStart,
                          String results, List<String> citations, String disclaimer, String trainingSet,
                          String validationSet, String howToRun, String parameter, String modelVersion,
                          String uploaded, String batchSize, String speed, String evaluation,
                          String disclaimerText) {
    }

    private static final Labels ENGLISH = new Labels(
            "Introduction", "Model architecture", "Dataset", "Quick start", "Results",
            List.of("Citation", "Citation", "References", "How to cite"), "Disclaimer",
            "Training set", "Validation set", "Train and evaluate with the scripts of the model zoo.",
            "Parameter", "Model version", "Uploaded", "Batch size", "Speed", "Evaluation",
            """
            The datasets belong to their owners and the weights are shared as they are, for research and
            teaching, without warranty of any kind. Check that the license of the dataset allows your use.""");

    private static final Labels CHINESE = new Labels(
            "简介", "模型架构", "数据集", "快速入门", "性能", List.of("引用", "参考文献"), "免责声明",
            "训练集", "验证集", "使用模型库中的脚本进行训练和评估。",
            "参数", "模型版本", "上传日期", "批次大小", "速度", "评估",
            "数据集归其所有者所有，权重按原样共享，仅供研究和教学使用，不提供任何形式的担保。"
                    + "请确认数据集的许可证允许您的用途。");

    private final SeededChoices choices;
    private final Prose prose;
    private final Labels labels;

    private BodyWriter(SeededChoices choices, Prose prose, Labels labels) {
        this.choices = choices;
        this.prose = prose;
        this.labels = labels;
    }

    static BodyWriter english(SeededChoices choices) {
        return new BodyWriter(choices, Prose.english(choices), ENGLISH);
    }

    static BodyWriter chinese(SeededChoices choices) {
        return new BodyWriter(choices, Prose.chinese(choices), CHINESE);
    }

    /** @param targetBytes the body's size in UTF-8 bytes, give or take one paragraph */
    String write(ModelSpec spec, int targetBytes) {
        String rest = architecture() + dataset(spec) + quickStart(spec) + results(spec) + "---\n\n"
                + citation(spec) + "## " + labels.disclaimer() + "\n\n" + labels.disclaimerText() + "\n";
        StringBuilder introduction = new StringBuilder("## " + labels.introduction() + "\n\n");
        do {
            introduction.append(prose.paragraph(choices.between(3, 5))).append("\n\n");
        } while (utf8Bytes(introduction) + utf8Bytes(rest) < targetBytes);
        return introduction + rest;
    }

    private String architecture() {
        return "## " + labels.architecture() + "\n\n" + prose.paragraph(choices.between(3, 6)) + "\n\n";
    }

    private String dataset(ModelSpec spec) {
        return "## " + labels.dataset() + "\n\n**" + spec.dataset() + "**: " + prose.sentence() + "\n\n"
                + "- " + labels.trainingSet() + ": " + choices.between(5, 1200) * 1000 + "\n"
                + "- " + labels.validationSet() + ": " + choices.between(1, 50) * 1000 + "\n\n";
    }

    /** The comment lines in the code block look like headings, which the parser must not take for ones. */
    private String quickStart(ModelSpec spec) {
        String data = "/path/to/" + spec.dataset().replace(' ', '_');
        return "## " + labels.quickStart() + "\n\n" + labels.howToRun() + "\n\n"
                + "```bash\n"
                + "# train on one device\n"
                + "bash scripts/run_standalone_train.sh " + data + " 0\n"
                + "# evaluate the checkpoint\n"
                + "bash scripts/run_eval.sh " + data + " /path/to/" + spec.name() + ".ckpt\n"
                + "```\n\n";
    }

    private String results(ModelSpec spec) {
        String evaluation = spec.evaluation().replace(" | ", ", ");
        return "## " + labels.results() + "\n\n"
                + "| " + labels.parameter() + " | Ascend 910 | GPU V100 |\n"
                + "| --- | --- | --- |\n"
                + row(labels.modelVersion(), spec.name(), spec.name())
                + row(labels.uploaded(), spec.updateTime(), spec.updateTime())
                + row("MindSpore", spec.version(), spec.version())
                + row(labels.dataset(), spec.dataset(), spec.dataset())
                + row(labels.batchSize(), choices.oneOf("16", "32", "64"), choices.oneOf("16", "32"))
                + row(labels.speed(), choices.between(20, 400) + " ms/step", choices.between(30, 600) + " ms/step")
                + row(labels.evaluation(), evaluation, evaluation)
                + "\n";
    }

    private static String row(String label, String ascend, String gpu) {
        return "| " + label + " | " + ascend + " | " + gpu + " |\n";
    }

    private String citation(ModelSpec spec) {
        Paper paper = spec.family().paper();
        String reference = paper.arxivId() != null ? arxivCitation(paper) : doiCitation(paper);
        return "## " + choices.oneOf(labels.citations()) + "\n\n" + reference + "\n\n";
    }

    /** The three ways cards cite an arXiv paper: an inline id, a link to a version, a BibTeX entry. */
    private String arxivCitation(Paper paper) {
        String reference = paper.authors() + ". " + paper.title() + ". " + paper.venue() + ".";
        return switch (choices.between(0, 2)) {
            case 0 -> reference + " arXiv:" + paper.arxivId();
            case 1 -> reference + "\nhttps://arxiv.org/abs/" + paper.arxivId() + "v" + choices.between(1, 3);
            default -> "```bibtex\n@article{" + paper.arxivId().replace(".", "") + ",\n"
                    + "  title={" + paper.title() + "},\n"
                    + "  author={" + paper.authors().replace(", ", " and ") + "},\n"
                    + "  journal={arXiv preprint arXiv:" + paper.arxivId() + "}\n}\n```";
        };
    }

    private String doiCitation(Paper paper) {
        String reference = paper.authors() + ". " + paper.title() + ". " + paper.venue() + ".";
        return choices.chance(0.5) ? reference + " doi:" + paper.doi() : reference + "\nhttps://doi.org/" + paper.doi();
    }

    private static int utf8Bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
