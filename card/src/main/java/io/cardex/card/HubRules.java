package io.cardex.card;

import io.cardex.card.internals.RulesFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lists a hub's cards are checked against: by default those of MindSpore Hub's own checker,
 * shipped as {@code hub-rules.yaml} beside this class; another hub's come from a file of the same
 * shape ({@link #read(Path)}). docs/cards.md documents the format.
 *
 * @param moduleTypes    the types a {@code module-type} may start with, lower-case
 * @param requiredFields the header keys every card must have, besides {@code model-name}
 * @param fileFormats    the {@code file-format}s of assets, lower-case
 * @param usedFor        the values of {@code used-for}, lower-case
 * @param backends       the values of {@code train-backend} and {@code infer-backend}, lower-case
 * @param datasets       the known training datasets, as {@link #datasetKey} writes them
 * @param allowedHosts   hosts a {@code repo-link} or {@code asset-link} may point at, and the
 *                       only ones assets are downloaded from; a sub-domain of one is allowed too
 */
public record HubRules(Set<String> moduleTypes, List<String> requiredFields, Set<String> fileFormats,
                       Set<String> usedFor, Set<String> backends, Set<String> datasets, Set<String> allowedHosts) {

    /** Where the default rules are, beside this class. */
    public static final String DEFAULT_RESOURCE = "hub-rules.yaml";
    /** MindSpore Hub's rules, read from {@link #DEFAULT_RESOURCE}. */
    public static final HubRules DEFAULT = readDefault();

    public HubRules {
        moduleTypes = lowerCase(moduleTypes);
        requiredFields = List.copyOf(requiredFields);
        fileFormats = lowerCase(fileFormats);
        usedFor = lowerCase(usedFor);
        backends = lowerCase(backends);
        datasets = datasets.stream().map(HubRules::datasetKey).collect(Collectors.toUnmodifiableSet());
        allowedHosts = lowerCase(allowedHosts);
    }

    /**
     * Reads a rules file.
     *
     * @throws InvalidRulesException when the file cannot be read or breaks the format, naming the line
     */
    public static HubRules read(Path file) throws InvalidRulesException {
        return RulesFile.read(file);
    }

    /** The same rules with other allowed hosts. */
    public HubRules withAllowedHosts(Set<String> hosts) {
        return new HubRules(moduleTypes, requiredFields, fileFormats, usedFor, backends, datasets, hosts);
    }

    public boolean knowsDataset(String dataset) {
        return datasets.contains(datasetKey(dataset));
    }

    public boolean allowsHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return allowedHosts.stream().anyMatch(allowed -> lower.equals(allowed) || lower.endsWith("." + allowed));
    }

    /** A dataset's name compared ignoring case, spaces and punctuation: "MS COCO" is "mscoco". */
    public static String datasetKey(String name) {
        StringBuilder letters = new StringBuilder(name.length());
        name.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(letters::appendCodePoint);
        return letters.toString();
    }

    private static Set<String> lowerCase(Set<String> values) {
        return values.stream().map(value -> value.strip().toLowerCase(Locale.ROOT)).filter(value -> !value.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static HubRules readDefault() {
        try (InputStream in = HubRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default rules " + DEFAULT_RESOURCE + " are missing from the build");
            }
            return RulesFile.read(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default rules " + DEFAULT_RESOURCE, e);
        } catch (InvalidRulesException e) {
            // The shipped file is part of the build: HubRulesTest keeps it valid.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
