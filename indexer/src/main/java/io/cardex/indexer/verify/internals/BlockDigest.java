package io.cardex.indexer.verify.internals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a body received in buffers, fed to the digest in whole blocks of one array it
 * reuses. The HTTP client's buffers are read-only, which the JDK digests through a 4 KiB temporary
 * array, and their odd sizes keep the JIT recompiling the digest loop during the first downloads;
 * whole blocks copied once reach the speed of the SHA-256 instructions from the first gigabyte.
 */
final class BlockDigest {

    /** Small enough to stay in the core's cache between the copy and the digest. */
    private static final int BLOCK = 64 * 1024;

    private final MessageDigest sha256 = newSha256();
    private final byte[] block = new byte[BLOCK];
    private int filled;

    void update(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            int count = Math.min(buffer.remaining(), BLOCK - filled);
            buffer.get(block, filled, count);
            filled += count;
            if (filled == BLOCK) {
                sha256.update(block, 0, BLOCK);
                filled = 0;
            }
        }
    }

    /** The digest of everything given, in lower-case hex. */
    String hex() {
        sha256.update(block, 0, filled);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
