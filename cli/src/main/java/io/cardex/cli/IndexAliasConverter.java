package io.cardex.cli;

import io.cardex.cardindex.CardIndexNames;
import picocli.CommandLine;

/** Refuses an index alias Elasticsearch or cardex could not use before anything starts. */
final class IndexAliasConverter implements CommandLine.ITypeConverter<CardIndexNames> {

    @Override
    public CardIndexNames convert(String value) {
        try {
            return new CardIndexNames(value.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
