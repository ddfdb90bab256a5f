package io.github.twitchjvm.pubsub.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * CPU time of the threads that matter for one side: the fake server runs in the same JVM,
 * so process CPU time would count its work too. Threads are picked by name.
 */
final class ThreadCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private ThreadCpu() {
	}

	/**
	 * The last CPU time and allocation seen of every thread ever looked at, by thread id
	 * (HotSpot never reuses one). A thread that ended keeps its last figures, so that a
	 * total never goes down when a receiver's threads end between two readings; what a
	 * thread used after its last reading is lost, which is little.
	 */
	private static final Map<Long, Seen> SEEN = new ConcurrentHashMap<>();

	private record Seen(String name, long cpuNanos, long allocatedBytes) {
	}

	/**
	 * CPU time, cumulative and never decreasing, of the threads picked by name.
	 */
	static long nanos(Predicate<String> threadName) {
		refresh();
		long total = 0;
		for (Seen seen : SEEN.values()) {
			if (threadName.test(seen.name())) {
				total += seen.cpuNanos();
			}
		}
		return total;
	}

	/**
	 * Bytes allocated, cumulative and never decreasing, by the threads picked by name
	 * (HotSpot's per-thread count), or {@code -1} where the JVM does not count them.
	 */
	static long allocatedBytes(Predicate<String> threadName) {
		if (!countsAllocation()) {
			return -1;
		}
		refresh();
		long total = 0;
		for (Seen seen : SEEN.values()) {
			if (threadName.test(seen.name())) {
				total += seen.allocatedBytes();
			}
		}
		return total;
	}

	private static boolean countsAllocation() {
		return THREADS instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported();
	}

	private static synchronized void refresh() {
		boolean allocation = countsAllocation();
		for (long id : THREADS.getAllThreadIds()) {
			ThreadInfo info = THREADS.getThreadInfo(id);
			if (info == null) {
				continue;
			}
			long cpu = THREADS.getThreadCpuTime(id);
			long bytes = allocation ? ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(id) : -1;
			Seen before = SEEN.get(id);
			// A thread that ended between the id list and the reading answers -1: keep
			// what was seen.
			long keptCpu = (cpu >= 0) ? cpu : ((before != null) ? before.cpuNanos() : 0);
			long keptBytes = (bytes >= 0) ? bytes : ((before != null) ? before.allocatedBytes() : 0);
			SEEN.put(id, new Seen(info.getThreadName(), keptCpu, keptBytes));
		}
	}

	/**
	 * The client's threads and its transport's: the JDK's HttpClient selector (which
	 * reads the sockets) or Tomcat's WebSocket I/O threads; not the fake server's.
	 */
	static boolean clientSide(String name) {
		return name.startsWith("pubsub-") || name.startsWith("WebSocketClient-") || name.startsWith("HttpClient-");
	}

	/**
	 * Thread names, grouped without their numbers, with counts: for a report that
	 * explains a thread count.
	 */
	static String census(Predicate<String> threadName) {
		java.util.Map<String, Integer> groups = new java.util.TreeMap<>();
		for (long id : THREADS.getAllThreadIds()) {
			ThreadInfo info = THREADS.getThreadInfo(id);
			if (info != null && threadName.test(info.getThreadName())) {
				groups.merge(info.getThreadName().replaceAll("-?\\d+$", "").replaceAll("-\\d+-", "-"), 1, Integer::sum);
			}
		}
		return groups.toString();
	}

	static int count(Predicate<String> threadName) {
		int count = 0;
		for (long id : THREADS.getAllThreadIds()) {
			ThreadInfo info = THREADS.getThreadInfo(id);
			if (info != null && threadName.test(info.getThreadName())) {
				count++;
			}
		}
		return count;
	}

}
