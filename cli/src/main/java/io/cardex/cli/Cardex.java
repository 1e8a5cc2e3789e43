package io.cardex.cli;


/** The entry point of the {@code cardex} launcher. */
public final class Cardex {

    private Cardex() {
    }

    public static void main(String[] args) {
        System.exit(CardexCommand.commandLine().execute(args));
    }
}
