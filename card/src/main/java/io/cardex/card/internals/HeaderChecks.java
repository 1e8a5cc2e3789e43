package io.cardex.card.internals;

import io.cardex.card.Asset;
import io.cardex.card.CardHeader;
import io.cardex.card.CardRules;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a model card's header must follow: every rule of the MindSpore Hub checker
 * ({@code mindspore_hub/_utils/check.py}), made lenient where real cards need it, and a few of
 * cardex's own (digests, asset hosts, link shapes).
 */
public final class HeaderChecks {

    /**
     * Fields the hub's checker requires of every card. Its first versions also required
     * {@code input-shape} and {@code infer-backend}, which the hub's own cards have since dropped:
     * those two are checked when present.
     */
    static final List<String> REQUIRED = List.of(
            "model-name", "backbone-name", "module-type", "fine-tunable", "model-version", "train-dataset", "author",
            "update-time", "repo-link", "user-id", "used-for", "mindspore-version", "asset", "license", "summary");
    static final Set<String> MODULE_TYPES = Set.of("audio", "cv", "nlp", "recommend", "other");
    static final Set<String> FILE_FORMATS = Set.of("air", "ckpt", "onnx", "mindir", "mslite");
    static final Set<String> USED_FOR = Set.of("inference", "extract-feature", "transfer-learning");
    static final Set<String> BACKENDS = Set.of("cpu", "gpu", "ascend");
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
    private final FileProblems problems;

    private HeaderChecks(Header header, CardRules rules, FileProblems problems) {
        this.header = header;
        this.rules = rules;
        this.problems = problems;
    }

    /** Reports every rule the header breaks. */
    public static void check(Header header, CardHeader fields, CardRules rules, FileProblems problems) {
        new HeaderChecks(header, rules, problems).checkAll(fields);
    }

    private void checkAll(CardHeader fields) {
        for (String key : REQUIRED) {
            if (!header.entries().containsKey(key)) {
                problems.error("missing-field", firstLine(), 1, "the header has no '" + key + "': add it");
            }
        }
        if (fields.moduleType() != null) {
            checkModuleType(header.entries().get("module-type").value().toString().strip());
        }
        checkEach("used-for", fields.usedFor(), USED_FOR, "unknown-used-for");
        checkEach("infer-backend", fields.inferBackends(), BACKENDS, "unknown-backend");
        checkEach("train-backend", fields.trainBackends(), BACKENDS, "unknown-backend");
        for (String dataset : fields.trainDatasets()) {
            if (!KnownDatasets.contains(dataset)) {
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
            problems.error("invalid-module-type", at.line(), at.column(), "'module-type' is " + Quoted.of(moduleType)
                    + ": write a type and at most one detail, such as cv-classification");
        }
        if (!MODULE_TYPES.contains(parts[0])) {
            problems.error("unknown-module-type", at.line(), at.column(), "'module-type' is " + Quoted.of(moduleType)
                    + ": its type must be one of " + sorted(MODULE_TYPES));
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
        if (asset.fileFormat() != null && !FILE_FORMATS.contains(asset.fileFormat().toLowerCase(Locale.ROOT))) {
            Header.Position at = header.positionOf(path + ".file-format");
            problems.error("unknown-file-format", at.line(), at.column(),
                    "'file-format' is " + Quoted.of(asset.fileFormat()) + ": use one of " + sorted(FILE_FORMATS));
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
        } else if (!rules.allowsHost(uri.getHost())) {
            problems.error("host-not-allowed", at.line(), at.column(), "'" + key + "' points at "
                    + Quoted.of(uri.getHost()) + ", which is not an allowed host " + sorted(rules.allowedHosts())
                    + ": host the file there, or ask the operator to allow the host");
        }
    }

    private void checkDigest(String digest, Header.Position at) {
        if (!HEX.matcher(digest).matches() || digest.length() > SHA256_HEX_LENGTH) {
            problems.error("invalid-sha256", at.line(), at.column(), "'asset-sha256' is " + Quoted.of(digest)
                    + ": write the file's SHA-256 digest as 64 hexadecimal digits");
        } else if (digest.length() < SHORTEST_DIGEST_PREFIX) {
            problems.error("invalid-sha256", at.line(), at.column(), "'asset-sha256' has only " + digest.length()
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
