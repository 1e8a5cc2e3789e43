package io.cardex.api.search;

import java.util.List;

/**
 * Every version of one model, newest first, valid or not (each says its status).
 *
 * @param model        the model's key, {@code <repository>/<user-id>/<name>}
 * @param versionCount how many versions the model has; {@code versions} lists the first {@link ModelLookup#MAX_VERSIONS}
 */
public record ModelVersions(String model, long versionCount, List<ModelVersion> versions) {

    public ModelVersions {
        versions = List.copyOf(versions);
    }
}
