package io.cardex.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The random choices a generated card is made of, all drawn from one seed so a corpus can be made again. */
final class SeededChoices {

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final Random random;

    SeededChoices(long seed) {
        this.random = new Random(seed);
    }

    <T> T oneOf(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    final <T> T oneOf(T... options) {
        return options[random.nextInt(options.length)];
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A figure with two decimals from {@code min} to {@code max}, as cards write a metric. */
    String figure(double min, double max) {
        return String.format(Locale.ROOT, "%.2f", min + random.nextDouble() * (max - min));
    }

    String hex(int digits) {
        char[] hex = new char[digits];
        for (int i = 0; i < digits; i++) {
            hex[i] = HEX_DIGITS[random.nextInt(HEX_DIGITS.length)];
        }
        return new String(hex);
    }
}
