package io.github.twitchjvm.pubsub.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.core.log.LogText;
import org.jspecify.annotations.Nullable;

/**
 * twurple 7.4.0 as a peer: its script ({@code twurple-peer.mjs}, see
 * {@link TwurpleInstallation}) in a Node.js process of its own, listening to the user's
 * whispers with twurple's typed {@code onWhisper} and counting them. The process reports
 * its count on its standard output when a burst is complete, so that the suite times the
 * burst as it does for the receivers in this JVM; its CPU is the process's (all of its
 * threads, V8's compiler and collector included).
 */
final class TwurplePeer implements Receiver {

	static final String NAME = "twurple 7.4.0 (Node.js), typed whisper";

	private final Process process;

	private final Writer commands;

	private final Object lock = new Object();

	private long count;

	private boolean started;

	private @Nullable String failure;

	private TwurplePeer(Process process) {
		this.process = process;
		this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
	}

	/**
	 * Starts the script and returns once it has counted a whisper: the server is asked
	 * for single whispers until one arrives (twurple connects, validates its token and
	 * LISTENs on its own, and says nothing when the LISTEN succeeds).
	 */
	static TwurplePeer listen(TwurpleInstallation installation, BurstServer server, String userId, String token,
			String probe) throws Exception {
		URI uri = server.pubSubUri();
		ProcessBuilder builder = new ProcessBuilder(
				List.of("node", installation.script().toString(), uri.toString(), userId))
			.directory(installation.script().getParent().toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		// In the environment rather than the command line, which every process can read.
		builder.environment().put("TWURPLE_PEER_TOKEN", token);
		TwurplePeer peer = new TwurplePeer(builder.start());
		try {
			Thread output = new Thread(peer::readOutput, "twurple-peer-output");
			output.setDaemon(true);
			output.start();
			peer.await(() -> peer.started, TimeUnit.SECONDS.toNanos(30), "did not start");
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			do {
				peer.expect(1);
				server.burst("whispers." + userId, 1, probe);
			}
			while (!peer.awaitQuietly(() -> peer.count > 0, TimeUnit.MILLISECONDS.toNanos(500)) && !peer.failed()
					&& System.nanoTime() < deadline);
			peer.await(() -> peer.count > 0, 0, "received no whisper within 30 s");
			return peer;
		}
		catch (Exception ex) {
			peer.close();
			throw ex;
		}
	}

	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				synchronized (this.lock) {
					if (line.equals("started")) {
						this.started = true;
					}
					else if (line.startsWith("reached ") || line.startsWith("count ")) {
						this.count = Math.max(this.count, Long.parseLong(line.substring(line.indexOf(' ') + 1)));
					}
					else if (line.startsWith("error ")) {
						this.failure = line.substring("error ".length());
					}
					this.lock.notifyAll();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The process ended or wrote something else: the waits below time out.
		}
		synchronized (this.lock) {
			if (this.failure == null) {
				this.failure = "the script ended";
			}
			this.lock.notifyAll();
		}
	}

	private void await(Condition condition, long timeoutNanos, String otherwise) {
		if (!awaitQuietly(condition, timeoutNanos)) {
			synchronized (this.lock) {
				throw new IllegalStateException("The twurple peer " + otherwise
						+ ((this.failure != null) ? " (" + LogText.safe(this.failure) + ")" : ""));
			}
		}
	}

	/** Waits until the condition holds, the script fails or the time is up. */
	private boolean awaitQuietly(Condition condition, long timeoutNanos) {
		long deadline = System.nanoTime() + timeoutNanos;
		synchronized (this.lock) {
			try {
				while (!condition.holds() && this.failure == null) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return false;
					}
					TimeUnit.NANOSECONDS.timedWait(this.lock, left);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return condition.holds();
		}
	}

	private boolean failed() {
		synchronized (this.lock) {
			return this.failure != null;
		}
	}

	@Override
	public long received() {
		synchronized (this.lock) {
			return this.count;
		}
	}

	@Override
	public void expect(long total) {
		try {
			this.commands.write("notify " + total + "\n");
			this.commands.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The twurple peer does not take commands any more", ex);
		}
	}

	@Override
	public long cpuNanos() {
		return ProcessCpu.nanos(this.process.pid());
	}

	@Override
	public long allocatedBytes() {
		return -1;
	}

	@Override
	public String cpuScope() {
		return "twurple: the Node.js process's user and system time (`/proc/<pid>/stat`, all of its threads, in "
				+ "clock ticks of usually 10 ms); allocation is not counted";
	}

	@Override
	public void close() {
		try {
			this.commands.write("close\n");
			this.commands.close();
		}
		catch (IOException ex) {
			// Already gone: destroyed below if not.
		}
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface Condition {

		/** Called with the lock held. */
		boolean holds();

	}

}
