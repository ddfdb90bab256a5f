package io.github.twitchjvm.pubsub.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.function.Predicate;

/**
 * CPU time of the threads that matter for one side: the fake server runs in the same JVM,
 * so process CPU time would count its work too. Threads are picked by name.
 */
final class ThreadCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private ThreadCpu() {
	}

	static long nanos(Predicate<String> threadName) {
		long total = 0;
		for (long id : THREADS.getAllThreadIds()) {
			ThreadInfo info = THREADS.getThreadInfo(id);
			if (info != null && threadName.test(info.getThreadName())) {
				long cpu = THREADS.getThreadCpuTime(id);
				if (cpu > 0) {
					total += cpu;
				}
			}
		}
		return total;
	}

	/**
	 * Bytes allocated by the threads picked by name (HotSpot's per-thread count), or
	 * {@code -1} where the JVM does not count them.
	 */
	static long allocatedBytes(Predicate<String> threadName) {
		if (!(THREADS instanceof com.sun.management.ThreadMXBean hotspot)
				|| !hotspot.isThreadAllocatedMemorySupported()) {
			return -1;
		}
		long total = 0;
		for (long id : THREADS.getAllThreadIds()) {
			ThreadInfo info = THREADS.getThreadInfo(id);
			if (info != null && threadName.test(info.getThreadName())) {
				long bytes = hotspot.getThreadAllocatedBytes(id);
				if (bytes > 0) {
					total += bytes;
				}
			}
		}
		return total;
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
