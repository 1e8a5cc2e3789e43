package io.cardex.embedding.internals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs the sentence model on one text's word pieces and makes its vector: the mean of the last
 * layer over every piece, scaled to unit length (as the model was trained, and as langchain4j
 * computes it). Safe to call from several threads at once.
 *
 * <p>Each run uses one core: a caller with many texts runs several at once, one per core. ONNX
 * Runtime's default, a pool of spinning threads per run, spread each small text over every core,
 * and with several runs at once the threads outnumbered the cores: one thread per run costs 6% to
 * 17% less CPU per card (docs/BENCHMARKS.md, "Embedding speed").
 * Texts are never run together in one padded batch: the model is quantized with a scale measured
 * over its whole input, so a text's vector would depend on the texts beside it (cosine 0.99 to
 * langchain4j's), and on this machine it was no faster.
 */
public final class SentenceEncoder {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final int dimensions;

    private SentenceEncoder(OrtEnvironment environment, OrtSession session, int dimensions) {
        this.environment = environment;
        this.session = session;
        this.dimensions = dimensions;
    }

    /** The model of the {@code .onnx} file on the class path at {@code resource}, making vectors of {@code dimensions}. */
    public static SentenceEncoder load(String resource, int dimensions) {
        try (InputStream in = Resources.open(resource); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            return new SentenceEncoder(environment, environment.createSession(in.readAllBytes(), options), dimensions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + resource, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the model " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The unit vector of a text's word pieces ({@link WordPieces#ids}). */
    public float[] vector(long[] ids) {
        long[] shape = {1, ids.length};
        long[] attention = new long[ids.length];
        Arrays.fill(attention, 1L);
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor attentionMask = OnnxTensor.createTensor(environment, LongBuffer.wrap(attention), shape);
             OnnxTensor tokenTypeIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attentionMask,
                     "token_type_ids", tokenTypeIds))) {
            return unitMean(((OnnxTensor) result.get(0)).getFloatBuffer(), ids.length);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    /** The mean of the pieces' vectors ({@code pieces} rows of {@link #dimensions}), scaled to unit length. */
    private float[] unitMean(FloatBuffer lastLayer, int pieces) {
        float[] sum = new float[dimensions];
        for (int piece = 0; piece < pieces; piece++) {
            for (int d = 0; d < dimensions; d++) {
                sum[d] += lastLayer.get(piece * dimensions + d);
            }
        }
        // The mean and the sum point the same way: scaling the sum to unit length gives the mean's unit vector.
        double squares = 0;
        for (float value : sum) {
            squares += value * value;
        }
        float norm = (float) Math.sqrt(squares);
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= norm;
        }
        return sum;
    }
}
