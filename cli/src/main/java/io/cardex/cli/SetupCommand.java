package io.cardex.cli;

import io.cardex.cardindex.IndexShards;
import io.cardex.cli.setup.CardIndexSetup;
import io.cardex.cli.setup.KibanaImport;
import io.cardex.cli.setup.KibanaSavedObjects;
import io.cardex.stack.StartupFailure;
import io.cardex.cardindex.UrlCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex setup}: the one-time preparation of a deployment, safe to run again. */
@Command(name = "setup", sortOptions = false,
        description = {"Prepare Elasticsearch and Kibana for cardex, once, before the indexers start: install the index "
                + "template, create the first index version behind the alias, and import the Kibana data view and "
                + "dashboard. Running it again changes only the template and the Kibana objects.",
                "Exit status: 0 when everything is set up, 1 when something failed (the message says what), 2 on bad usage."})
final class SetupCommand implements Callable<Integer> {

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Option(names = "--shards", paramLabel = "N", converter = CountConverter.class,
            defaultValue = "${env:CARDEX_INDEX_SHARDS:-" + IndexShards.TEMPLATE_PRIMARIES + "}",
            description = "Primary shards of the first index version; reindex keeps them. An existing index keeps its own "
                    + "(env CARDEX_INDEX_SHARDS; default ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", converter = CountConverter.OrZero.class,
            defaultValue = "${env:CARDEX_INDEX_REPLICAS:-" + IndexShards.TEMPLATE_REPLICAS + "}",
            description = "Replicas of each shard of the first index version: 0 on a single node "
                    + "(env CARDEX_INDEX_REPLICAS; default ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--kibana-url", paramLabel = "URL", converter = HttpUrlConverter.class,
            defaultValue = "${env:CARDEX_KIBANA_URL}",
            description = "Kibana to import the data view and dashboard into, with a user allowed to manage saved objects "
                    + "in the URL (http://user:password@kibana:5601) (env CARDEX_KIBANA_URL; default: no Kibana).")
    URI kibana;

    @Option(names = "--kibana-public-url", paramLabel = "URL", converter = HttpUrlConverter.class,
            defaultValue = "${env:CARDEX_KIBANA_PUBLIC_URL}",
            description = "Where people reach that Kibana, for the dashboard link setup prints, when it is not "
                    + "--kibana-url (a container's name means nothing on the host: http://localhost:5601) "
                    + "(env CARDEX_KIBANA_PUBLIC_URL; default: --kibana-url).")
    URI kibanaPublic;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CARDEX_SETUP_WAIT:-3m}",
            description = "How long to wait for Elasticsearch and Kibana to be ready (env CARDEX_SETUP_WAIT; "
                    + "default ${DEFAULT-VALUE}).")
    Duration wait;

    @Override
    public Integer call() throws StartupFailure, InterruptedException {
        IndexShards asked;
        try {
            asked = new IndexShards(shards, replicas);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        CardIndexSetup.Result index = new CardIndexSetup(elasticsearch.url, elasticsearch.ca(), elasticsearch.index).run(asked, wait);
        System.out.printf("Elasticsearch %s: index template %s installed; alias %s points at %s (%s, %s)%n",
                elasticsearch.redactedUrl(), elasticsearch.index.templateName(), elasticsearch.index.alias(), index.index(),
                count(index.shards().primaries(), "primary shard"), count(index.shards().replicas(), "replica"));
        if (kibana != null) {
            int imported = new KibanaImport(kibana).importObjects(KibanaSavedObjects.ndjsonFor(elasticsearch.index),
                    KibanaSavedObjects.RESOURCE, wait);
            URI reachedAt = kibanaPublic != null ? kibanaPublic : kibana;
            String kibanaBase = UrlCredentials.withoutUserInfo(reachedAt).toString().replaceAll("/$", "");
            System.out.printf("Kibana %s: %s imported; the dashboard is %s/app/dashboards#/view/%s%n",
                    UrlCredentials.redact(kibana), count(imported, "saved object"), kibanaBase, KibanaSavedObjects.DASHBOARD_ID);
        }
        return 0;
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
