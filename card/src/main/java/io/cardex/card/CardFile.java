package io.cardex.card;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of one card file as read from the repository.
 *
 * @param path    the file's path from the repository root
 * @param content the file's bytes; empty when the file was too large to be read
 * @param size    the file's size in bytes
 */
public record CardFile(String path, byte[] content, long size) {

    public static CardFile of(String path, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new CardFile(path, bytes, bytes.length);
    }

    public Language language() {
        return Language.ofPath(path);
    }
}
