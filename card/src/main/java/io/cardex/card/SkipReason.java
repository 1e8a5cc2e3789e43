package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a file below the cards root is not part of any card. */
public enum SkipReason {
    NOT_MARKDOWN("not-markdown", "not a Markdown file (.md)"),
    README("readme", "a README describes a folder, it is not a card"),
    BINARY("binary", "a binary file (it has a NUL byte), not Markdown text"),
    UNREADABLE("unreadable", "the file cannot be read (not a regular file, or an I/O error)"),
    CHINESE_WITHOUT_ENGLISH("chinese-without-english", "a Chinese version (_cn.md) without its English card (.md)"),
    NOT_A_KEY("not-a-key", "the path cannot be a card id: <user-id>/.../<name>.md, no empty, blank or '.' folder,"
            + " at most " + CardId.MAX_BYTES + " bytes");

    private final String code;
    private final String explanation;

    SkipReason(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    /** The stable name of the reason, as written in events, logs, metrics and reports. */
    @JsonValue
    public String code() {
        return code;
    }

    /** What the reason means, for a person. */
    public String explanation() {
        return explanation;
    }
}
