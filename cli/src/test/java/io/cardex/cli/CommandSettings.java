package io.cardex.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings of every cardex command as its picocli model declares them, read from the
 * annotations as written (not interpolated), so that the environment of the build changes nothing.
 */
final class CommandSettings {

    /** One option or argument: its names, the environment variable it falls back to, and its default. */
    record Setting(String names, String environmentVariable, String defaultValue, String description) {
    }

    private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{env:([A-Z0-9_]+)(?::-(.*))?}");
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    private CommandSettings() {
    }

    /** Every command but {@code help}, in the order {@code cardex --help} lists them, with its settings. */
    static Map<String, List<Setting>> byCommand() {
        Map<String, List<Setting>> commands = new LinkedHashMap<>();
        CardexCommand.commandLine().getSubcommands().forEach((name, command) -> {
            if (!name.equals("help")) {
                commands.put(name, settingsOf(command));
            }
        });
        return commands;
    }

    /** The environment variables a command reads through its options. */
    static Set<String> environmentVariablesOf(String command) {
        List<Setting> settings = byCommand().get(command);
        if (settings == null) {
            throw new IllegalArgumentException("cardex has no command " + command);
        }
        return Set.copyOf(settings.stream().map(Setting::environmentVariable).filter(v -> v != null).toList());
    }

    private static List<Setting> settingsOf(CommandLine command) {
        List<Setting> settings = new ArrayList<>();
        for (ArgSpec arg : command.getCommandSpec().args()) {
            if (arg instanceof OptionSpec option && STANDARD.contains(option.longestName())) {
                continue;
            }
            // picocli shows a missing default as "null".
            String raw = "null".equals(arg.defaultValueString(false)) ? null : arg.defaultValueString(false);
            String variable = null;
            String defaultValue = raw;
            if (raw != null) {
                Matcher fromEnvironment = FROM_ENVIRONMENT.matcher(raw);
                if (fromEnvironment.matches()) {
                    variable = fromEnvironment.group(1);
                    defaultValue = fromEnvironment.group(2);
                }
            }
            String description = String.join(" ", annotatedDescription(arg));
            if (defaultValue != null) {
                description = description.replace("${DEFAULT-VALUE}", defaultValue);
            }
            settings.add(new Setting(names(arg), variable, defaultValue, description));
        }
        return settings;
    }

    private static String names(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            String names = String.join(", ", option.names());
            return option.arity().max() == 0 ? names : names + " " + arg.paramLabel();
        }
        return arg.paramLabel() + (arg.arity().max() > 1 ? "..." : "") + " (argument)";
    }

    private static String[] annotatedDescription(ArgSpec arg) {
        if (arg.userObject() instanceof Field field) {
            if (field.isAnnotationPresent(CommandLine.Option.class)) {
                return field.getAnnotation(CommandLine.Option.class).description();
            }
            if (field.isAnnotationPresent(CommandLine.Parameters.class)) {
                return field.getAnnotation(CommandLine.Parameters.class).description();
            }
        }
        return arg.description();
    }
}
