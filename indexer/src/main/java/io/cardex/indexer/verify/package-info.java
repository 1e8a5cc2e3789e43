/**
 * Asset verification: downloads the files a card links to and checks their SHA-256.
 *
 * <p>{@link io.cardex.indexer.verify.AssetVerifier} is the entry point, configured by a
 * {@link io.cardex.indexer.verify.VerifierConfig}; each check ends as an
 * {@link io.cardex.cardindex.AssetCheck}. The machinery (URL and address policy, streaming
 * digest, cache) lives in {@code internals} and may change without notice.
 *
 * <p>Links are chosen by card authors, so every request is checked first: http or https, an
 * allowed host, and public addresses only, on every redirect hop. The address check cannot be
 * pinned to the connection Java's HttpClient makes; see {@code internals.UrlPolicy} for the
 * residual DNS-rebinding window.
 *
 * <p>Progress: a download still running after {@code progressEvery} (10 s by default) logs a line
 * that often: URL, bytes so far, of how many when the server said, percent, and the speed since the
 * last line. Meters, in the {@code MeterRegistry} the verifier is given:
 * <ul>
 *   <li>{@code cardex.asset.downloads.active} (gauge): downloads under way;
 *   <li>{@code cardex.asset.download.bytes} (counter): bytes of assets received;
 *   <li>{@code cardex.asset.checks} (counter, tag {@code status}: verified, mismatch, unreachable,
 *       too_large, blocked): checks finished, a reused verified result not counted again;
 *   <li>{@code cardex.asset.check.duration} (timer): how long a finished check took.
 * </ul>
 *
 * <p>Throughput: the body is digested on the verifier's thread while the client keeps receiving on
 * its own; the digest gets whole 64 KiB blocks, and buffers are asked for 32 at a time. The
 * client's 16 KiB read buffers cost speed on fast links; the JVM option
 * {@code -Djdk.httpclient.bufsize=65536}, which the {@code cardex} launcher passes, avoids that. A
 * loopback download in a warmed-up JVM verifies at about the speed of {@code openssl dgst}; the
 * first large asset after start-up is slower while the JIT compiles the HTTP client
 * ({@code docs/BENCHMARKS.md}).
 */
package io.cardex.indexer.verify;

import io.cardex.cardindex.AssetCheck;
