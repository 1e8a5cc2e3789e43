package io.cardex.ingest.webhook;

/** A git host whose push webhooks cardex receives, each at its own path. */
public enum Provider {
    GITHUB("github", "GitHub"),
    GITEE("gitee", "Gitee"),
    GITLAB("gitlab", "GitLab");

    private final String id;
    private final String displayName;

    Provider(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The path the host is configured to post to, such as {@code /webhooks/github}. */
    public String path() {
        return "/webhooks/" + id;
    }

    /** The short lower-case name used in paths and delivery keys. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
