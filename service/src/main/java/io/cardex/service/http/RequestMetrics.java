package io.cardex.service.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Counts and times every request by route, method and status. The route is the template a
 * request matched ({@code /cards/<key>}), never its path: card keys are countless, and every
 * distinct tag value is a time series of its own.
 */
final class RequestMetrics implements RequestLogger {

    /** Requests no route matched, whatever their path. */
    static final String NO_ROUTE = "unmatched";
    /** Around the search target of 25 ms at the 99th percentile, so that Prometheus can tell whether it is met. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)};

    private final MeterRegistry registry;
    private final String meterName;

    /** @param service the service's name, which names the meter: {@code cardex.<service>.requests} */
    RequestMetrics(MeterRegistry registry, String service) {
        this.registry = registry;
        this.meterName = "cardex." + service + ".requests";
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        Timer.builder(meterName)
                .description("HTTP requests answered, by route template, method and status")
                .tag("route", endpoint == null ? NO_ROUTE : endpoint.path)
                .tag("method", ctx.method().name())
                .tag("status", String.valueOf(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos((long) (executionTimeMs * 1_000_000)));
    }
}
