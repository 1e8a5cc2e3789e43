package io.cardex.card.internals;

import io.cardex.card.CardFile;
import io.cardex.card.CardPaths;
import io.cardex.card.CardRules;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a card file, or the reason there is none: too large, binary. A file that is not
 * valid UTF-8 is reported and read with the bad bytes replaced, so the rest can still be checked.
 */
public final class FileText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private FileText() {
    }

    public static Optional<String> read(CardFile file, CardRules rules, FileProblems problems) {
        if (file.size() > rules.maxFileBytes()) {
            problems.error("file-too-large", 0, 0, "the file has " + file.size() + " bytes; a card may have at most "
                    + rules.maxFileBytes() + ": move large content (tables, logs) out of the card");
            return Optional.empty();
        }
        byte[] bytes = file.content();
        if (CardPaths.isBinary(bytes)) {
            problems.error("binary-file", 0, 0, "the file is binary, not text: a card must be a Markdown file");
            return Optional.empty();
        }
        String text = decode(bytes, problems);
        return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
    }

    private static String decode(byte[] bytes, FileProblems problems) {
        if (isAscii(bytes)) {
            // Most cards are plain ASCII, always valid UTF-8, which the JDK turns into text fastest.
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = strict.decode(in, out, true);
        if (!result.isError()) {
            result = strict.flush(out);
        }
        if (!result.isError()) {
            return out.flip().toString();
        }
        reportBadByte(bytes, in.position(), problems);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static void reportBadByte(byte[] bytes, int offset, FileProblems problems) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            // A line ends at \n, \r\n or a lone \r, as String.lines() ends it for every other problem.
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
        problems.error("invalid-utf8", line, column, String.format(
                "byte 0x%02X is not UTF-8 text: save the file as UTF-8 (bad bytes are shown as \uFFFD)",
                bytes[offset] & 0xFF));
    }
}
