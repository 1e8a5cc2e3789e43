package io.cardex.card.internals;

import io.cardex.card.Asset;
import io.cardex.card.CardHeader;
import io.cardex.card.CardRules;
import io.cardex.card.HubRules;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a model card's header must follow: every rule of the MindSpore Hub checker
 * ({@code mindspore_hub/_utils/check.py}), with the lists of the {@link HubRules} in force, made
 * lenient where real cards need it. A rule of the hub's checker is an error; a check cardex adds
 * beyond it (known datasets, digests) is a warning, unless the card cannot be used at all
 * (no {@code model-name}).
 */
public final class HeaderChecks {

    /** Not a rule of the hub's checker, but a card without a name cannot be listed or found. */
    static final String MODEL_NAME = "model-name";
    /**
     * The checker refuses a ':' in any value but these: links hold one by nature, and evaluation
     * strings such as {@code 100%-EER:98.73} are too common on real cards to refuse.
     */
    private static final Set<String> COLON_ALLOWED = Set.of("repo-link", "asset", "evaluation");
    private static final String FEATURED_IMAGE = "featured-image";
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final int SHA256_HEX_LENGTH = 64;
    private static final int SHORTEST_DIGEST_PREFIX = 8;

    private final Header header;
    private final CardRules rules;
    private final HubRules hub;
    private final FileProblems problems;

    private HeaderChecks(Header header, CardRules rules, FileProblems problems) {
        this.header = header;
        this.rules = rules;
        this.hub = rules.hub();
        this.problems = problems;
    }

    /** Reports every rule the header breaks. */
    public static void check(Header header, CardHeader fields, CardRules rules, FileProblems problems) {
        new HeaderChecks(header, rules, problems).checkAll(fields);
    }

    private void checkAll(CardHeader fields) {
        Set<String> required = new LinkedHashSet<>();
        required.add(MODEL_NAME);
        required.addAll(hub.requiredFields());
        for (String key : required) {
            if (!header.entries().containsKey(key)) {
                problems.error("missing-field", firstLine(), 1, "the header has no '" + key + "': add it");
            }
        }
        if (fields.moduleType() != null) {
            checkModuleType(header.entries().get("module-type").value().toString().strip());
        }
        checkEach("used-for", fields.usedFor(), hub.usedFor(), "unknown-used-for");
        checkEach("infer-backend", fields.inferBackends(), hub.backends(), "unknown-backend");
        checkEach("train-backend", fields.trainBackends(), hub.backends(), "unknown-backend");
        for (String dataset : fields.trainDatasets()) {
            if (!hub.knowsDataset(dataset)) {
                Header.Position at = header.positionOf("train-dataset");
                problems.warning("unknown-dataset", at.line(), at.column(), "the dataset " + Quoted.of(dataset)
                        + " is not in the hub's list of datasets; check its spelling (cards may use new datasets)");
            }
        }
        if (fields.repoLink() != null) {
            checkLink("repo-link", fields.repoLink(), header.positionOf("repo-link"));
        }
        checkFeaturedImage();
        for (int i = 0; i < fields.assets().size(); i++) {
            checkAsset(fields.assets().get(i), "asset[" + i + "]");
        }
        header.entries().forEach((key, entry) -> {
            if (!COLON_ALLOWED.contains(key) && containsColon(entry.value())) {
                problems.error("stray-colon", entry.line(), entry.column(), "the value of " + Quoted.of(key)
                        + " contains ':', which the hub's checker refuses: remove it or reword the value");
            }
        });
    }

    /** The hub's checker requires a featured image to be a file of its images/ folder, or no-image. */
    private void checkFeaturedImage() {
        Header.Entry entry = header.entries().get(FEATURED_IMAGE);
        if (entry == null || rules.featuredImages().isEmpty()) {
            return;
        }
        String image = String.valueOf(entry.value()).strip();
        if (!image.equals(CardRules.NO_IMAGE) && !rules.featuredImages().get().contains(image)) {
            problems.error("unknown-featured-image", entry.line(), entry.column(), "'" + FEATURED_IMAGE + "' is "
                    + Quoted.of(image) + ", which is not a file of the repository's images folder: add the image there, "
                    + "or write " + CardRules.NO_IMAGE);
        }
    }

    private int firstLine() {
        return header.entries().values().stream().mapToInt(Header.Entry::line).min().orElse(0);
    }

    private void checkModuleType(String moduleType) {
        Header.Position at = header.positionOf("module-type");
        String[] parts = moduleType.toLowerCase(Locale.ROOT).split("-", -1);
        if (parts.length > 2) {
            // The hub's checker means to refuse this, but it splits the type at its first '-' before
            // checking it, so that it accepts cv-super-resolution; real cards have it.
            problems.warning("invalid-module-type", at.line(), at.column(), "'module-type' is " + Quoted.of(moduleType)
                    + ": write a type and at most one detail, such as cv-classification");
        }
        if (!hub.moduleTypes().contains(parts[0])) {
            problems.error("unknown-module-type", at.line(), at.column(), "'module-type' is " + Quoted.of(moduleType)
                    + ": its type must be one of " + sorted(hub.moduleTypes()));
        }
    }

    private void checkEach(String key, List<String> values, Set<String> allowed, String code) {
        for (String value : values) {
            if (!allowed.contains(value.toLowerCase(Locale.ROOT))) {
                Header.Position at = header.positionOf(key);
                problems.error(code, at.line(), at.column(), "'" + key + "' has " + Quoted.of(value)
                        + ": use one of " + sorted(allowed) + ", joined by '/'");
            }
        }
    }

    private void checkAsset(Asset asset, String path) {
        requireAssetField(asset.fileFormat(), path, "file-format");
        requireAssetField(asset.link(), path, "asset-link");
        requireAssetField(asset.sha256(), path, "asset-sha256");
        if (asset.fileFormat() != null && !hub.fileFormats().contains(asset.fileFormat().toLowerCase(Locale.ROOT))) {
            Header.Position at = header.positionOf(path + ".file-format");
            problems.error("unknown-file-format", at.line(), at.column(),
                    "'file-format' is " + Quoted.of(asset.fileFormat()) + ": use one of " + sorted(hub.fileFormats()));
        }
        if (asset.link() != null) {
            checkLink("asset-link", asset.link(), header.positionOf(path + ".asset-link"));
        }
        if (asset.sha256() != null) {
            checkDigest(asset.sha256(), header.positionOf(path + ".asset-sha256"));
        }
    }

    private void requireAssetField(String value, String path, String field) {
        if (value == null) {
            Header.Position at = header.positionOf(path);
            problems.error("missing-asset-field", at.line(), at.column(), "this asset has no '" + field + "': add it");
        }
    }

    /** The hub's checker only trusts links to its own hosts, for the code as for the checkpoints. */
    private void checkLink(String key, String link, Header.Position at) {
        URI uri = webAddress(link);
        if (uri == null) {
            problems.error("invalid-link", at.line(), at.column(), "'" + key + "' is " + Quoted.of(link)
                    + ": write an http(s) address, such as <https://gitee.com/...>");
        } else if (!hub.allowsHost(uri.getHost())) {
            problems.error("host-not-allowed", at.line(), at.column(), "'" + key + "' points at "
                    + Quoted.of(uri.getHost()) + ", which is not an allowed host " + sorted(hub.allowedHosts())
                    + ": host the file there, or ask the operator to allow the host");
        }
    }

    /**
     * The hub's checker only requires an asset-sha256: its form is cardex's check, a warning, since
     * the card stays usable (only the asset's download cannot be verified).
     */
    private void checkDigest(String digest, Header.Position at) {
        if (!HEX.matcher(digest).matches() || digest.length() > SHA256_HEX_LENGTH) {
            problems.warning("invalid-sha256", at.line(), at.column(), "'asset-sha256' is " + Quoted.of(digest)
                    + ": write the file's SHA-256 digest as 64 hexadecimal digits");
        } else if (digest.length() < SHORTEST_DIGEST_PREFIX) {
            problems.warning("invalid-sha256", at.line(), at.column(), "'asset-sha256' has only " + digest.length()
                    + " digits: write the whole SHA-256 digest (64 hexadecimal digits)");
        } else if (digest.length() < SHA256_HEX_LENGTH) {
            problems.warning("sha256-prefix", at.line(), at.column(), "'asset-sha256' is a " + digest.length()
                    + "-digit prefix, a weaker check than the whole digest: write all 64 digits");
        }
    }

    /** The address as an absolute http(s) URI with a host, or {@code null}. */
    private static URI webAddress(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static boolean containsColon(Object value) {
        if (value instanceof String text) {
            return text.contains(":");
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(HeaderChecks::containsColon);
        }
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(HeaderChecks::containsColon)
                    || map.values().stream().anyMatch(HeaderChecks::containsColon);
        }
        return false;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
