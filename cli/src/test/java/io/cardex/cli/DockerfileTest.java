package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image builds what the tests and the ./cardex launcher run: the same Maven command, the same
 * jars in the same order, the same entry point and JVM flags, on the Java the build targets.
 */
class DockerfileTest {

    private static final Path PROJECT = Path.of("..");
    private static final Pattern MAVEN = Pattern.compile("\\bmvn ((?:[^\\n\\\\]|\\\\\\n)*?)\\bpackage\\b");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");

    private static String dockerfile;
    private static String launcher;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Files.readString(PROJECT.resolve("Dockerfile"), StandardCharsets.UTF_8);
        launcher = Files.readString(PROJECT.resolve("cardex"), StandardCharsets.UTF_8);
    }

    /** The arguments of the first "mvn ... package", without -f and its file, which only says where the project is. */
    private static List<String> mavenBuild(String script) {
        Matcher maven = MAVEN.matcher(script);
        assertThat(maven.find()).as("a mvn ... package command").isTrue();
        List<String> arguments = new ArrayList<>();
        String[] words = maven.group(1).replace("\\\n", " ").trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("-f")) {
                i++;
            } else {
                arguments.add(words[i]);
            }
        }
        arguments.add("package");
        return arguments;
    }

    @Test
    void theImageIsBuiltByTheLaunchersMavenCommand() {
        List<String> image = mavenBuild(dockerfile);

        assertThat(image).isEqualTo(mavenBuild(launcher));
        assertThat(image).contains("-pl", "cli", "-am", "-DskipTests");
    }

    @Test
    void theImageRunsTheJarsTheLauncherPutsOnItsClasspathInTheSameOrder() {
        assertThat(launcher).contains("jar=\"$home/cli/target/cardex.jar\"")
                .contains("classpath=\"$home/cli/target/classpath.txt\"")
                .contains("-cp \"$jar:$(cat \"$classpath\")\"");
        assertThat(dockerfile).contains("cp cli/target/cardex.jar /opt/cardex/lib/")
                .contains("tr ':' '\\n' < cli/target/classpath.txt | xargs cp -t /opt/cardex/lib/")
                .contains("{ echo cli/target/cardex.jar; tr ':' '\\n' < cli/target/classpath.txt; }");
    }

    @Test
    void theImageStartsTheLaunchersMainClassWithItsJvmFlagsAndNoBuild() {
        Matcher entryPoint = Pattern.compile("(?m)^ENTRYPOINT (.+)$").matcher(dockerfile);
        assertThat(entryPoint.find()).isTrue();

        assertThat(entryPoint.group(1)).contains("\"io.cardex.cli.Cardex\"", "\"-Djdk.httpclient.bufsize=65536\"");
        assertThat(launcher).contains("io.cardex.cli.Cardex \"$@\"").contains("-Djdk.httpclient.bufsize=65536");
        assertThat(dockerfile.substring(dockerfile.lastIndexOf("\nFROM "))).doesNotContain("mvn ");
    }

    @Test
    void bothStagesUseTheJavaTheBuildTargets() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)<").matcher(pom);
        assertThat(release.find()).isTrue();

        Matcher from = FROM.matcher(dockerfile);
        List<String> images = new ArrayList<>();
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSize(2);
        assertThat(images.get(0)).matches("maven:[0-9.]+-eclipse-temurin-" + release.group(1));
        assertThat(images.get(1)).isEqualTo("eclipse-temurin:" + release.group(1) + "-jre");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndSecrets() throws IOException {
        List<String> ignored = Files.readAllLines(PROJECT.resolve(".dockerignore"));

        assertThat(ignored).contains("**/target", ".env", ".git");
    }
}
