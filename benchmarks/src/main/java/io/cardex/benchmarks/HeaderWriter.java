package io.cardex.benchmarks;

import io.cardex.card.Asset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the YAML header of a generated card in the two styles real cards use: the hub's own,
 * with a blank line between fields, and a compact one. A Chinese header has Chinese keys and
 * full-width colons, as {@code _cn.md} files do.
 */
final class HeaderWriter {

    private static final Map<String, String> CHINESE_KEYS = Map.ofEntries(
            Map.entry("model-name", "模型名称"), Map.entry("backbone-name", "骨干网络"),
            Map.entry("module-type", "模块类型"), Map.entry("fine-tunable", "是否可微调"),
            Map.entry("model-version", "模型版本"), Map.entry("train-dataset", "训练数据集"),
            Map.entry("evaluation", "评估"), Map.entry("author", "作者"), Map.entry("update-time", "更新时间"),
            Map.entry("repo-link", "代码仓"), Map.entry("user-id", "用户ID"), Map.entry("used-for", "用途"),
            Map.entry("train-backend", "训练后端"), Map.entry("infer-backend", "推理后端"),
            Map.entry("mindspore-version", "MindSpore版本"), Map.entry("input-shape", "输入形状"),
            Map.entry("license", "许可证"), Map.entry("summary", "概述"), Map.entry("asset", "资源"),
            Map.entry("file-format", "文件格式"), Map.entry("asset-link", "资源链接"),
            Map.entry("asset-sha256", "资源sha256"));

    private final boolean chinese;
    private final boolean hubStyle;
    private final StringBuilder yaml = new StringBuilder();

    private HeaderWriter(boolean chinese, boolean hubStyle) {
        this.chinese = chinese;
        this.hubStyle = hubStyle;
    }

    static String english(ModelSpec spec, boolean hubStyle) {
        return new HeaderWriter(false, hubStyle).write(spec, spec.summary());
    }

    /** Always in the hub's style, as the hub's own Chinese cards are written. */
    static String chinese(ModelSpec spec) {
        return new HeaderWriter(true, true).write(spec, spec.family().name() + " 用于" + chineseArea(spec));
    }

    private String write(ModelSpec spec, String summary) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("model-name", spec.name());
        fields.put("backbone-name", spec.family().backbone());
        fields.put("module-type", spec.moduleType());
        fields.put("fine-tunable", spec.fineTunable());
        fields.put("model-version", spec.version());
        fields.put("train-dataset", spec.dataset());
        fields.put("evaluation", spec.evaluation());
        fields.put("author", spec.author());
        fields.put("update-time", spec.updateTime());
        fields.put("repo-link", spec.repoLink());
        fields.put("user-id", spec.userId());
        fields.put("used-for", spec.usedFor());
        fields.put("train-backend", spec.trainBackend());
        fields.put("infer-backend", spec.inferBackend());
        fields.put("mindspore-version", spec.version());
        fields.put("input-shape", spec.inputShape());
        fields.forEach((key, value) -> {
            if (value != null) {
                field(key, value);
            }
        });
        assets(spec);
        field("license", spec.license());
        field("summary", summary);
        return yaml.toString();
    }

    private void field(String key, String value) {
        yaml.append(key(key)).append(colon()).append(value).append('\n');
        if (hubStyle) {
            yaml.append('\n');
        }
    }

    private void assets(ModelSpec spec) {
        yaml.append(key("asset")).append(chinese ? "：" : ":").append('\n');
        if (hubStyle) {
            yaml.append('\n');
        }
        for (Asset asset : spec.assets()) {
            yaml.append(hubStyle ? "-\n    " : "  - ").append(key("file-format")).append(colon())
                    .append(asset.fileFormat()).append('\n');
            yaml.append("    ").append(key("asset-link")).append(colon()).append(asset.link()).append('\n');
            yaml.append("    ").append(key("asset-sha256")).append(colon()).append(asset.sha256()).append('\n');
        }
        if (hubStyle) {
            yaml.append('\n');
        }
    }

    private String key(String english) {
        return chinese ? CHINESE_KEYS.get(english) : english;
    }

    private String colon() {
        return chinese ? "：" : ": ";
    }

    private static String chineseArea(ModelSpec spec) {
        return switch (spec.family().area()) {
            case "cv" -> "计算机视觉";
            case "nlp" -> "自然语言处理";
            case "audio" -> "语音处理";
            case "recommend" -> "推荐系统";
            default -> "图学习";
        };
    }
}
