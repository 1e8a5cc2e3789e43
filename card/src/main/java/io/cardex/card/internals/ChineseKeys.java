package io.cardex.card.internals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of a Chinese card file ({@code <name>_cn.md}) with the English keys of the
 * card schema, so that both versions of a card are normalised by one set of rules. Keys already
 * in English stay as they are; Chinese keys cardex does not know stay as written and are kept
 * among the card's other fields.
 */
public final class ChineseKeys {

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("模型名称", "model-name"),
            Map.entry("模型名", "model-name"),
            Map.entry("骨干网络", "backbone-name"),
            Map.entry("主干网络", "backbone-name"),
            Map.entry("模块类型", "module-type"),
            Map.entry("模型类型", "module-type"),
            Map.entry("是否可微调", "fine-tunable"),
            Map.entry("可微调", "fine-tunable"),
            Map.entry("模型版本", "model-version"),
            Map.entry("训练数据集", "train-dataset"),
            Map.entry("评估", "evaluation"),
            Map.entry("评估结果", "evaluation"),
            Map.entry("精度", "accuracy"),
            Map.entry("作者", "author"),
            Map.entry("更新时间", "update-time"),
            Map.entry("代码仓", "repo-link"),
            Map.entry("代码链接", "repo-link"),
            Map.entry("仓库链接", "repo-link"),
            Map.entry("用户ID", "user-id"),
            Map.entry("用户id", "user-id"),
            Map.entry("用途", "used-for"),
            Map.entry("训练后端", "train-backend"),
            Map.entry("推理后端", "infer-backend"),
            Map.entry("MindSpore版本", "mindspore-version"),
            Map.entry("输入形状", "input-shape"),
            Map.entry("允许缓存权重", "allow-cache-ckpt"),
            Map.entry("许可证", "license"),
            Map.entry("概述", "summary"),
            Map.entry("简介", "summary"),
            Map.entry("摘要", "summary"),
            Map.entry("资源", "asset"),
            Map.entry("文件格式", "file-format"),
            Map.entry("资源链接", "asset-link"),
            Map.entry("下载链接", "asset-link"),
            Map.entry("资源sha256", "asset-sha256"));

    private ChineseKeys() {
    }

    /** Whether a key is one of the Chinese keys of the card schema. */
    public static boolean isKey(String key) {
        return ENGLISH.containsKey(key);
    }

    public static Header toEnglish(Header header) {
        Map<String, Header.Entry> entries = new LinkedHashMap<>();
        for (Header.Entry entry : header.entries().values()) {
            String key = english(entry.key());
            entries.putIfAbsent(key, new Header.Entry(key, englishKeys(entry.value()), entry.line(), entry.column()));
        }
        Map<String, Header.Position> positions = new LinkedHashMap<>();
        header.positions().forEach((path, position) -> positions.putIfAbsent(englishPath(path), position));
        return new Header(entries, positions);
    }

    private static String english(String key) {
        return ENGLISH.getOrDefault(key.strip(), key);
    }

    private static Object englishKeys(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> translated = new LinkedHashMap<>();
            map.forEach((key, nested) -> translated.putIfAbsent(english(String.valueOf(key)), englishKeys(nested)));
            return translated;
        }
        if (value instanceof List<?> list) {
            List<Object> translated = new ArrayList<>();
            list.forEach(item -> translated.add(englishKeys(item)));
            return translated;
        }
        return value;
    }

    /** {@code 资源[0].资源链接} becomes {@code asset[0].asset-link}. */
    private static String englishPath(String path) {
        StringBuilder english = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '.';
            if (c == '.' || c == '[' || c == ']') {
                String segment = path.substring(start, i);
                english.append(segment.isEmpty() || Character.isDigit(segment.charAt(0)) ? segment : english(segment));
                if (i < path.length()) {
                    english.append(c);
                }
                start = i + 1;
            }
        }
        return english.toString();
    }
}
