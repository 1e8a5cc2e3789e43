# syntax=docker/dockerfile:1
# One image for every cardex service. The container's command chooses the service (ingest,
# indexer, api, setup, reindex, validate); CARDEX_* environment variables configure it (see
# docs/configuration.md). Needs BuildKit, the default builder of Docker 23 and of "docker compose".

# The build stage runs the build of the ./cardex launcher, which the tests run too (same Maven
# command, same modules), and keeps exactly what the launcher puts on its classpath: the cli
# jar, then every jar cli/target/classpath.txt lists, in that order.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# Maven's repository is a cache of the builder, not a layer of the image: the jars the classpath
# names are copied out of it in the same step. Locked, because compose builds this image once per
# cardex service, possibly at once, and two Mavens writing one repository can corrupt it. The build
# also fetches the servers the tests run (module server-distributions/); they stay in this stage, out of the image.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -Dstyle.color=never -DskipTests -pl cli -am package \
 && mkdir -p /opt/cardex/lib \
 && cp cli/target/cardex.jar /opt/cardex/lib/ \
 && tr ':' '\n' < cli/target/classpath.txt | xargs cp -t /opt/cardex/lib/ \
 && { echo cli/target/cardex.jar; tr ':' '\n' < cli/target/classpath.txt; } \
    | xargs -n1 basename | sed 's|^|/opt/cardex/lib/|' | paste -sd: - | sed 's|^|-cp |' > /opt/cardex/classpath.args

# The run stage: a JRE and the jars, no Maven and no sources; nothing is built at start.
FROM eclipse-temurin:17-jre
# curl answers the health checks of docker-compose.yml.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/cardex --create-home cardex \
 && install -d -o cardex -g cardex /var/lib/cardex/ingest
COPY --from=build /opt/cardex /opt/cardex
USER cardex
WORKDIR /var/lib/cardex
# api, ingest (webhooks, /health, /metrics), indexer (/health, /metrics)
EXPOSE 8080 8081 8082
# Larger HttpClient buffers let the asset verifier hash downloads at close to disk speed, as the
# launcher does; JDK_JAVA_OPTIONS adds the operator's own options (a heap size, say).
ENTRYPOINT ["java", "-Djdk.httpclient.bufsize=65536", "@/opt/cardex/classpath.args", "io.cardex.cli.Cardex"]
CMD ["--help"]
