package io.cardex.benchmarks.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches a run from its start: looks every 50 ms at each of its milestones not reached yet, and
 * keeps when each was first seen reached, until all are. Looking costs a count at most, so the
 * run being watched hardly notices; what is seen is up to 50 ms late.
 */
final class Milestones {

    static final Duration INTERVAL = Duration.ofMillis(50);
    /** Long enough for 100,000 cards on a busy machine. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(20);

    /** Whether a milestone is reached; a check that throws ends the watch with its exception. */
    interface Check {
        boolean reached() throws Exception;
    }

    record Milestone(String name, Check check) {
    }

    /** @param seconds from the start of the run to the first look that found the milestone reached */
    record Reached(String name, double seconds) {
    }

    private Milestones() {
    }

    /**
     * @param startedNanos when the run started, by {@link System#nanoTime()}
     * @return each milestone with when it was reached, in the order given
     */
    static List<Reached> watch(long startedNanos, List<Milestone> milestones) throws Exception {
        Map<Milestone, Double> reached = new LinkedHashMap<>();
        long deadline = startedNanos + GIVE_UP_AFTER.toNanos();
        for (long look = 1; ; look++) {
            for (Milestone milestone : milestones) {
                if (!reached.containsKey(milestone) && milestone.check().reached()) {
                    reached.put(milestone, (System.nanoTime() - startedNanos) / 1e9);
                }
            }
            if (reached.size() == milestones.size()) {
                break;
            }
            long next = startedNanos + look * INTERVAL.toNanos();
            if (next > deadline) {
                throw new IllegalStateException("not reached within " + GIVE_UP_AFTER.toMinutes() + " min: "
                        + milestones.stream().filter(m -> !reached.containsKey(m)).map(Milestone::name).toList());
            }
            // Sleeping, not spinning: the machine's two CPUs belong to the run being watched.
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        List<Reached> inOrder = new ArrayList<>();
        for (Milestone milestone : milestones) {
            inOrder.add(new Reached(milestone.name(), reached.get(milestone)));
        }
        return inOrder;
    }
}
