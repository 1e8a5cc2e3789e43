package io.cardex.benchmarks;

import java.util.List;

/**
 * Sentences about a model, put together from fragments: text of the length and shape of a real
 * card's prose, in English or in Chinese, that nobody has to have written.
 */
final class Prose {

    private record Vocabulary(List<String> subjects, List<String> verbs, List<String> objects, List<String> endings,
                              String wordSpace, String stop) {
    }

    private static final Vocabulary ENGLISH = new Vocabulary(
            List.of("The network", "This checkpoint", "The encoder", "Each stage", "The training script",
                    "The decoder", "The model", "The released version", "The evaluation script"),
            List.of("combines", "refines", "predicts", "keeps", "reduces", "reuses", "aggregates", "normalises",
                    "was tuned with", "learns"),
            List.of("features of several resolutions", "a batch of 32 samples per device",
                    "the learning rate on a cosine schedule", "residual connections between stages",
                    "the labels of the validation split", "the statistics of every batch normalisation layer",
                    "the cost of the attention layers", "a weight decay of 0.0001",
                    "the context of the whole input", "mixed precision on the forward pass"),
            List.of("", "", " to save device memory", " on eight Ascend 910 devices", " without extra data",
                    " as the original paper describes", " so that fine-tuning stays cheap",
                    " for every input size", " in graph mode"),
            " ", ".");

    private static final Vocabulary CHINESE = new Vocabulary(
            List.of("该网络", "本检查点", "编码器", "每个阶段", "训练脚本", "解码器", "该模型", "发布版本"),
            List.of("融合了", "细化了", "预测了", "保留了", "减少了", "复用了", "聚合了", "学习了"),
            List.of("多个分辨率的特征", "每张卡32个样本的批次", "余弦调度的学习率", "各阶段之间的残差连接",
                    "验证集的标签", "每个批归一化层的统计量", "注意力层的计算开销", "整个输入的上下文信息"),
            List.of("", "，以节省显存", "，在八张昇腾910上训练", "，无需额外数据", "，与原论文一致", "，便于低成本微调"),
            "", "。");

    private final SeededChoices choices;
    private final Vocabulary words;

    private Prose(SeededChoices choices, Vocabulary words) {
        this.choices = choices;
        this.words = words;
    }

    static Prose english(SeededChoices choices) {
        return new Prose(choices, ENGLISH);
    }

    static Prose chinese(SeededChoices choices) {
        return new Prose(choices, CHINESE);
    }

    String sentence() {
        return choices.oneOf(words.subjects()) + words.wordSpace() + choices.oneOf(words.verbs()) + words.wordSpace()
                + choices.oneOf(words.objects()) + choices.oneOf(words.endings()) + words.stop();
    }

    /** Sentences joined into one paragraph, its lines wrapped at about 100 characters as hub cards are. */
    String paragraph(int sentences) {
        StringBuilder paragraph = new StringBuilder();
        int lineStart = 0;
        for (int i = 0; i < sentences; i++) {
            String sentence = sentence();
            if (i > 0 && paragraph.length() - lineStart + sentence.length() > 100) {
                paragraph.append('\n');
                lineStart = paragraph.length();
            } else if (i > 0) {
                paragraph.append(words.wordSpace());
            }
            paragraph.append(sentence);
        }
        return paragraph.toString();
    }
}
