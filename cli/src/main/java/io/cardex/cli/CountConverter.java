package io.cardex.cli;

import picocli.CommandLine;

/** Reads a count of things (partitions, shards, copies): a whole number of at least 1. */
class CountConverter implements CommandLine.ITypeConverter<Integer> {

    private final int least;

    CountConverter() {
        this(1);
    }

    private CountConverter(int least) {
        this.least = least;
    }

    @Override
    public Integer convert(String value) {
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            count = Integer.MIN_VALUE;
        }
        if (count < least) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a count: write a whole number of at least "
                    + least);
        }
        return count;
    }

    /** A count that may be 0, such as replicas. */
    static final class OrZero extends CountConverter {
        OrZero() {
            super(0);
        }
    }
}
