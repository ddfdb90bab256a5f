package io.github.twitchjvm.pubsub.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of another process, from Linux's {@code /proc/<pid>/stat}: user plus system
 * time of all of its threads, in clock ticks (usually 10 ms), so a short burst is
 * measured coarsely.
 */
final class ProcessCpu {

	private static final long TICKS_PER_SECOND = ticksPerSecond();

	private ProcessCpu() {
	}

	/** CPU time the process has used so far, in nanoseconds, or -1 where unknown. */
	static long nanos(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// The command name (field 2) is in parentheses and may hold spaces; the
			// fields after it start with the state (field 3); utime and stime are 14 and
			// 15.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * TimeUnit.SECONDS.toNanos(1) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long ticksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			try (InputStream out = getconf.getInputStream()) {
				String answer = new String(out.readAllBytes(), StandardCharsets.US_ASCII).trim();
				if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
					return Long.parseLong(answer);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Linux's USER_HZ, which is 100 on every architecture it runs the JDK on.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 100;
	}

}
