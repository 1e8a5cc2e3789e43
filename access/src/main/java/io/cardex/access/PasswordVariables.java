package io.cardex.access;

import java.util.Map;

/**
 * The passwords of the users of {@link Access}, each read from the environment variable the access
 * file names for it. A password missing, empty or still the example of {@code .env.example}
 * ({@code changeMe...}) is refused, naming the variable, before anything is set up with it.
 */
public final class PasswordVariables {

    /** How every example password of {@code .env.example} starts. */
    public static final String EXAMPLE_PREFIX = "changeMe";

    private final Map<String, String> environment;

    public PasswordVariables(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The passwords of the process's environment. */
    public static PasswordVariables fromEnvironment() {
        return new PasswordVariables(System.getenv());
    }

    /**
     * The password of {@code user}, from {@code variable}.
     *
     * @throws IllegalArgumentException when it is missing or an example, naming the variable and what to do
     */
    public String require(String user, String variable) {
        String password = environment.get(variable);
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("the password of user " + user + " is missing: set the environment "
                    + "variable " + variable);
        }
        if (password.startsWith(EXAMPLE_PREFIX)) {
            throw new IllegalArgumentException("the password of user " + user + " in " + variable
                    + " is still the example of .env.example (" + EXAMPLE_PREFIX + "...): choose a password of your own");
        }
        return password;
    }
}
