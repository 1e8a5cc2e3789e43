package io.cardex.api.search;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A field cards can be filtered and counted (faceted) by: the query parameter that names it and
 * the indexed keyword behind it. Every one of these keywords is lower-cased when indexed, so a
 * filter matches whatever the case of its value.
 */
public enum FilterField {
    MODULE_TYPE("module_type", "card.header.module_type.type"),
    MODULE_DETAIL("module_detail", "card.header.module_type.detail"),
    DATASET("dataset", "card.header.train_datasets.keyword"),
    VERSION("version", "card.header.mindspore_version"),
    LICENSE("license", "card.header.license"),
    AUTHOR("author", "card.header.author.keyword"),
    USER("user", "user_id"),
    BACKEND("backend", "backend"),
    FILE_FORMAT("file_format", "card.header.assets.file_format"),
    USED_FOR("used_for", "card.header.used_for"),
    ASSET_STATUS("asset_status", "asset_checks.status"),
    KIND("kind", "card.kind"),
    STATUS("status", "status");

    private final String parameter;
    private final String field;

    FilterField(String parameter, String field) {
        this.parameter = parameter;
        this.field = field;
    }

    /** The name of the query parameter and of the facet. */
    public String parameter() {
        return parameter;
    }

    /** The keyword field of the card index. */
    String field() {
        return field;
    }

    public static Optional<FilterField> byParameter(String name) {
        return Arrays.stream(values()).filter(field -> field.parameter.equals(name)).findFirst();
    }

    /** Every parameter name, for messages: {@code module_type, module_detail, ...}. */
    static String parameterNames() {
        return Arrays.stream(values()).map(FilterField::parameter).collect(Collectors.joining(", "));
    }
}
