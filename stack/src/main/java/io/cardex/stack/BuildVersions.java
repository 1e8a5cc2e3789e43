package io.cardex.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions of cardex and of the servers this build was made with. */
public record BuildVersions(String cardex, String kafka, String elasticsearch) {

    public static BuildVersions load() {
        Properties versions = new Properties();
        try (InputStream in = BuildVersions.class.getResourceAsStream("versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the versions this build was made with", e);
        }
        return new BuildVersions(versions.getProperty("cardex.version"), versions.getProperty("kafka.version"),
                versions.getProperty("elasticsearch.version"));
    }
}
