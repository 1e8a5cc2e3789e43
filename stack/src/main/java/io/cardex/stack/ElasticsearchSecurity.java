package io.cardex.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a secured Elasticsearch node of the embedded stack is given, made at its first start and kept
 * for the next: a certificate authority of its own, the node's HTTPS certificate signed by it for
 * 127.0.0.1 and localhost, and the superuser's password. Passwords never appear on a command line:
 * keytool reads them from its environment, Elasticsearch's keystore tool from its standard input.
 */
final class ElasticsearchSecurity {

    static final String SUPERUSER = "elastic";
    private static final String STORE_PASSWORD_VARIABLE = "CARDEX_STORE_PASSWORD";
    private static final String NODE_KEYSTORE = "certs/http.p12";

    private final Path directory;
    private final Path configDirectory;

    /**
     * @param directory       where the CA and the passwords are kept, outside Elasticsearch's configuration
     * @param configDirectory Elasticsearch's configuration, which receives the node's keystore
     */
    ElasticsearchSecurity(Path directory, Path configDirectory) {
        this.directory = directory;
        this.configDirectory = configDirectory;
    }

    /** The CA's certificate (PEM), which clients trust to reach the node over HTTPS. */
    Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    /** The file holding the password of the superuser {@value #SUPERUSER}, readable by its owner only. */
    Path superuserPasswordFile() {
        return directory.resolve("elastic.password");
    }

    String superuserPassword() throws IOException {
        return Files.readString(superuserPasswordFile(), StandardCharsets.UTF_8).strip();
    }

    /** The settings of {@code elasticsearch.yml} that turn security and HTTPS on. */
    static List<String> settings() {
        return List.of(
                "xpack.security.enabled: true",
                "xpack.security.http.ssl.enabled: true",
                "xpack.security.http.ssl.keystore.path: " + NODE_KEYSTORE,
                // One node: its transport port only ever talks to itself on 127.0.0.1.
                "xpack.security.transport.ssl.enabled: false");
    }

    /** Makes the CA, the node's certificate and the passwords unless an earlier start made them. */
    void prepare(Path elasticsearchHome) throws IOException, StartupFailure {
        Path keystore = configDirectory.resolve("elasticsearch.keystore");
        if (Files.isRegularFile(caCertificate()) && Files.isRegularFile(configDirectory.resolve(NODE_KEYSTORE))
                && Files.isRegularFile(keystore)) {
            return;
        }
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(configDirectory.resolve("certs"));
        Files.deleteIfExists(configDirectory.resolve(NODE_KEYSTORE));
        Files.deleteIfExists(keystore);
        String storePassword = randomPassword();
        String superuserPassword = randomPassword();
        Files.deleteIfExists(superuserPasswordFile());
        Files.createFile(superuserPasswordFile(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(superuserPasswordFile(), superuserPassword, StandardCharsets.UTF_8);
        makeCertificates(storePassword);
        tool(List.of(elasticsearchHome.resolve("bin/elasticsearch-keystore").toString(), "add", "--force", "--stdin",
                        "bootstrap.password", "xpack.security.http.ssl.keystore.secure_password"),
                Map.of("ES_PATH_CONF", configDirectory.toString(), "ES_JAVA_HOME", System.getProperty("java.home")),
                superuserPassword + "\n" + storePassword + "\n");
    }

    private void makeCertificates(String storePassword) throws StartupFailure {
        String ca = directory.resolve("ca.p12").toString();
        String node = configDirectory.resolve(NODE_KEYSTORE).toString();
        String request = directory.resolve("http.csr").toString();
        String signed = directory.resolve("http.pem").toString();
        String storepass = "-storepass:env";
        keytool(storePassword, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=cardex embedded stack CA", "-ext", "bc:c", "-keystore", ca, "-storetype", "PKCS12",
                storepass, STORE_PASSWORD_VARIABLE);
        keytool(storePassword, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, storepass, STORE_PASSWORD_VARIABLE,
                "-file", caCertificate().toString());
        keytool(storePassword, "-genkeypair", "-alias", "http", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost", "-keystore", node, "-storetype", "PKCS12", storepass, STORE_PASSWORD_VARIABLE);
        keytool(storePassword, "-certreq", "-alias", "http", "-keystore", node, storepass, STORE_PASSWORD_VARIABLE, "-file", request);
        keytool(storePassword, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca, storepass, STORE_PASSWORD_VARIABLE,
                "-validity", "3650", "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth",
                "-infile", request, "-outfile", signed);
        keytool(storePassword, "-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate().toString(), "-keystore", node,
                storepass, STORE_PASSWORD_VARIABLE);
        keytool(storePassword, "-importcert", "-alias", "http", "-file", signed, "-keystore", node, storepass, STORE_PASSWORD_VARIABLE);
        // Elasticsearch would otherwise take the CA's entry for a second key-less certificate it needs no trust in.
        keytool(storePassword, "-delete", "-alias", "ca", "-keystore", node, storepass, STORE_PASSWORD_VARIABLE);
    }

    private static void keytool(String storePassword, String... arguments) throws StartupFailure {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        tool(command, Map.of(STORE_PASSWORD_VARIABLE, storePassword), "");
    }

    private static void tool(List<String> command, Map<String, String> environment, String input)
            throws StartupFailure {
        String name = Path.of(command.get(0)).getFileName().toString();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StartupFailure("cannot prepare Elasticsearch's certificates and passwords: " + name
                        + " failed (" + output + ")");
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot run " + name + " to prepare Elasticsearch's certificates: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while preparing Elasticsearch's certificates", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The node's URL with the superuser's name and password as its user-info. */
    URI superuserUrl(URI url) throws IOException {
        return URI.create(url.getScheme() + "://" + SUPERUSER + ":" + superuserPassword() + "@" + url.getHost() + ":"
                + url.getPort());
    }
}
