package io.cardex.card;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.cardex.card.internals.Quoted;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Seeded random test cases, and the random choices they are built from. Each case builds its input
 * from its own {@code new Random(seed)} and is named by that seed and a short description of the
 * input; a failing case says how to run it again, alone:
 *
 * <pre>
 * mvn -B -q -pl card install -Dtest='CardParserFuzzTest#theFailingTest' -Dcardex.fuzz.seed=SEED -Dcardex.fuzz.cases=1
 * </pre>
 *
 * The first case of each test has the seed {@code cardex.fuzz.seed}, {@value #BASE_SEED} unless set,
 * so that every build runs the same cases; each next case has the seed before it, scrambled.
 * {@code cardex.fuzz.cases}, when set, is every test's number of cases: set both to explore, as in
 * {@code -Dcardex.fuzz.seed=$RANDOM -Dcardex.fuzz.cases=100000}.
 *
 * <p>Public, and shipped in card's test jar, for the other modules' tests of hostile input.
 */
public final class Fuzz {

    public static final long BASE_SEED = 20_240_611L;
    // Parsed, not Long.getLong: a mistyped seed must fail, not quietly run the usual cases.
    private static final long FIRST_SEED = Long.parseLong(System.getProperty("cardex.fuzz.seed", "" + BASE_SEED));
    private static final String CASES = System.getProperty("cardex.fuzz.cases");
    /** How much of a text a description quotes: enough to recognise it, short enough to read a list of them. */
    private static final int QUOTED_LENGTH = 24;

    private Fuzz() {
    }

    /**
     * {@code count} cases (unless {@code cardex.fuzz.cases} says otherwise), each checking one input.
     *
     * @param input builds a case's input from its random numbers; its {@code toString} describes it
     */
    public static <T> Stream<DynamicTest> cases(int count, Function<Random, T> input, Consumer<T> check) {
        int cases = CASES != null ? Integer.parseInt(CASES) : count;
        return Stream.iterate(FIRST_SEED, Fuzz::nextSeed).limit(cases).map(seed -> fuzzCase(seed, input, check));
    }

    private static <T> DynamicTest fuzzCase(long seed, Function<Random, T> input, Consumer<T> check) {
        T value = input.apply(new Random(seed));
        String name = "seed " + seed + ": " + value;
        return dynamicTest(name, () -> {
            try {
                check.accept(value);
            } catch (Throwable failure) {
                // Surefire reports a dynamic test by its number, not its name: the failure names its seed itself,
                // and keeps the place it was thrown from.
                AssertionError named = new AssertionError(name + "\nreplay it with -Dcardex.fuzz.seed=" + seed
                        + " -Dcardex.fuzz.cases=1\n" + failure, failure.getCause());
                named.setStackTrace(failure.getStackTrace());
                throw named;
            }
        });
    }

    /**
     * The next seed: SplitMix64's step. Consecutive seeds would not do, for the first numbers of
     * {@code new Random(seed)} and {@code new Random(seed + 1)} are nearly the same.
     */
    public static long nextSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /**
     * A size from 0 to {@code max}, below a power of two drawn at random: small sizes, where most
     * edge cases are, come up often, and every order of size is tried.
     */
    public static int size(Random random, int max) {
        int magnitudes = Integer.SIZE - Integer.numberOfLeadingZeros(max);
        return Math.min(max, random.nextInt(1 << random.nextInt(magnitudes + 1)));
    }

    /** Up to {@code maxLength} of any UTF-16 units: control characters, lone surrogates and all. */
    public static String anyChars(Random random, int maxLength) {
        char[] chars = new char[size(random, maxLength)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
        }
        return new String(chars);
    }

    /** Up to {@code maxLength} characters of the alphabet. */
    public static String charsOf(Random random, String alphabet, int maxLength) {
        int[] letters = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = size(random, maxLength); i > 0; i--) {
            text.appendCodePoint(letters[random.nextInt(letters.length)]);
        }
        return text.toString();
    }

    /** The start of a text, quoted for a case's description. */
    public static String quoted(String text) {
        return "'" + Quoted.excerpt(text, QUOTED_LENGTH) + "'";
    }

    /** A choice of {@link #oneOf}: how often it is taken, against the others, and what it makes. */
    public record Weighted<T>(int weight, Function<Random, ? extends T> make) {
    }

    public static <T> Weighted<T> weighted(int weight, Function<Random, ? extends T> make) {
        return new Weighted<>(weight, make);
    }

    /** What one of the choices makes, each taken in proportion to its weight. */
    @SafeVarargs
    public static <T> T oneOf(Random random, Weighted<? extends T>... choices) {
        int total = 0;
        for (Weighted<? extends T> choice : choices) {
            total += choice.weight();
        }
        int drawn = random.nextInt(total);
        for (Weighted<? extends T> choice : choices) {
            drawn -= choice.weight();
            if (drawn < 0) {
                return choice.make().apply(random);
            }
        }
        throw new AssertionError("unreachable: the weights add up to " + total);
    }

    /** From {@code min} to {@code max} items, each made by {@code item}. */
    public static <T> List<T> listOf(Random random, int min, int max, Function<Random, ? extends T> item) {
        int length = min + random.nextInt(max - min + 1);
        List<T> items = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            items.add(item.apply(random));
        }
        return items;
    }

    /** A number from {@code min} to {@code max}, either included. */
    public static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Up to {@code maxLength} random bytes. */
    public static byte[] anyBytes(Random random, int maxLength) {
        byte[] bytes = new byte[size(random, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }
}
