package io.cardex.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a full collection leaves in use, as the collection itself records it. The heap's
 * "used" read after {@link System#gc()} returns also counts what other threads allocated since
 * (tens of MB a second during a snapshot), and a young collection the JVM runs in between (one a
 * JNI critical section held back) leaves garbage of its own in the count: only a full
 * collection's record is taken.
 */
public final class LiveHeap {

    private static final String FULL_COLLECTION = "end of major GC";
    private static final int ATTEMPTS = 3;

    private LiveHeap() {
    }

    /** Forces a full collection and returns the bytes of heap it left in use. */
    public static long afterFullCollection() throws InterruptedException {
        BlockingQueue<Long> leftInUse = new LinkedBlockingQueue<>();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        NotificationListener listener = (notification, handback) -> {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                GarbageCollectionNotificationInfo collection =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                if (collection.getGcAction().equals(FULL_COLLECTION)) {
                    leftInUse.add(heapUsed(collection.getGcInfo().getMemoryUsageAfterGc(), heapPools));
                }
            }
        };
        List<NotificationEmitter> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(NotificationEmitter.class::cast).toList();
        collectors.forEach(collector -> collector.addNotificationListener(listener, null, null));
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                System.gc();
                // The notification comes on the JVM's service thread, a moment after the collection.
                Long used = leftInUse.poll(5, TimeUnit.SECONDS);
                if (used != null) {
                    return used;
                }
            }
            throw new IllegalStateException("System.gc() ran no full collection in " + ATTEMPTS + " attempts (collectors: "
                    + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList()
                    + "): run the benchmark without -XX:+DisableExplicitGC or -XX:+ExplicitGCInvokesConcurrent");
        } finally {
            for (NotificationEmitter collector : collectors) {
                try {
                    collector.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    throw new IllegalStateException("the listener added a moment ago is gone", e);
                }
            }
        }
    }

    private static long heapUsed(Map<String, MemoryUsage> usageByPool, Set<String> heapPools) {
        return usageByPool.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }
}
