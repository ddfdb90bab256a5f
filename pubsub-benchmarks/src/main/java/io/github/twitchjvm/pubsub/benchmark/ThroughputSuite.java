package io.github.twitchjvm.pubsub.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubClientBuilder;
import io.github.twitchjvm.pubsub.transport.SpringWebSocketTransport;
import org.jspecify.annotations.Nullable;

/**
 * Measurement 1: the server bursts whispers of about 1 KB to one subscription as fast as
 * the socket takes them; messages per second delivered and CPU per message, for the
 * client with a no-op typed handler (on its default transport and on the Spring/Tomcat
 * adapter), in the same run for both transports bare, counting frames and decoding three
 * JSON layers, and for the peers, Twitch4J (in this JVM) and twurple (in Node.js, where
 * it can be installed), each with a typed whisper handler that counts.
 */
final class ThroughputSuite {

	static final String USER = "44322889";

	static final String DEFAULT_CLIENT = "PubSubClient, typed WhisperEvent handler (default: JDK transport)";

	private static final String CLIENT_SCOPE = "the project's client and the bare baselines: threads named `pubsub-*` "
			+ "(the client's) and their transport's (the JDK's `HttpClient-*`, Tomcat's `WebSocketClient-*`)";

	private final BurstServer server;

	private final String token;

	private final BenchmarkConfig config;

	ThroughputSuite(BurstServer server, String token, BenchmarkConfig config) {
		this.server = server;
		this.token = token;
		this.config = config;
	}

	/** What a row measures. */
	enum Kind {

		/** A bare transport, no PubSub logic. */
		BASELINE,

		/** The project's client with default settings. */
		DEFAULT_CLIENT,

		/** The project's client otherwise set up. */
		CLIENT,

		/** Another library, against the same server. */
		PEER

	}

	/**
	 * @param allocatedPerMessage bytes the receiver's threads allocated per message, or
	 * {@code null} where they are not counted
	 */
	record Result(String name, Kind kind, Stats perSecond, Stats cpuMicrosPerMessage,
			@Nullable Stats allocatedPerMessage, long dropped) {
	}

	/**
	 * @param notes what the CPU figures count, and which peers did not run and why
	 */
	record Outcome(List<Result> results, List<String> notes) {
	}

	String where() {
		return this.server.where();
	}

	Outcome run() throws Exception {
		String message = Samples.whisper(Samples.whisperTemplate(), 1);
		List<Result> results = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		results.add(measure("bare JDK WebSocket, counting", Kind.BASELINE, bare(new BareJdkClient(false)), message));
		results.add(measure("bare JDK WebSocket, 3 x Jackson readTree", Kind.BASELINE, bare(new BareJdkClient(true)),
				message));
		results
			.add(measure("bare Tomcat (Spring), counting", Kind.BASELINE, bare(new BareTomcatClient(false)), message));
		results.add(measure("bare Tomcat (Spring), 3 x Jackson readTree", Kind.BASELINE,
				bare(new BareTomcatClient(true)), message));
		results.add(measure(DEFAULT_CLIENT, Kind.DEFAULT_CLIENT, client(null), message));
		try (SpringWebSocketTransport tomcat = SpringWebSocketTransport.overTomcat()) {
			results.add(measure("PubSubClient, typed WhisperEvent handler, Spring/Tomcat transport", Kind.CLIENT,
					client(tomcat), message));
		}
		notes.add(CLIENT_SCOPE);
		Receiver twitch4j = Twitch4jPeer.listen(this.server.pubSubUri(), USER, this.token);
		notes.add(twitch4j.cpuScope());
		results.add(measure(Twitch4jPeer.NAME, Kind.PEER, twitch4j, message));
		twurple(results, notes, message);
		return new Outcome(results, notes);
	}

	private void twurple(List<Result> results, List<String> notes, String message) throws Exception {
		if (this.config.smoke()) {
			// The smoke run is a test in `verify`, which must pass without the npm
			// registry.
			notes.add(TwurplePeer.NAME + ": not run in the smoke run (its install needs the npm registry).");
			return;
		}
		TwurpleInstallation installation;
		try {
			installation = TwurpleInstallation.prepare();
		}
		catch (TwurpleInstallation.Unavailable ex) {
			notes.add(TwurplePeer.NAME + ": skipped, " + ex.getMessage() + ".");
			return;
		}
		Receiver twurple;
		try {
			twurple = TwurplePeer.listen(installation, this.server, USER, this.token,
					Samples.whisper(Samples.whisperTemplate(), 0));
		}
		catch (IOException | IllegalStateException ex) {
			// A script that fails to start says so in the report; the JVM's rows stand.
			notes.add(TwurplePeer.NAME + ": did not run, " + ex.getMessage() + ".");
			return;
		}
		notes.add(twurple.cpuScope() + "; Node.js " + installation.nodeVersion());
		results.add(measure(TwurplePeer.NAME, Kind.PEER, twurple, message));
	}

	private Receiver bare(BareClient bare) throws Exception {
		try {
			bare.listen(this.server.pubSubUri(), "whispers." + USER, this.token);
		}
		catch (Exception ex) {
			bare.close();
			throw ex;
		}
		return new JvmReceiver(bare::messages, () -> 0, ThreadCpu::clientSide, CLIENT_SCOPE, bare::close);
	}

	private Receiver client(@Nullable WebSocketTransport transport) {
		LongAdder delivered = new LongAdder();
		PubSubClientBuilder builder = PubSubClient.builder()
			.uri(this.server.pubSubUri())
			.tokenProvider(StaticTokenProvider.of(this.token));
		if (transport != null) {
			builder.transport(transport);
		}
		PubSubClient client = builder.build();
		client.start();
		try {
			client.listenWhispers(USER, (subscription, whisper) -> delivered.increment());
		}
		catch (RuntimeException ex) {
			client.stop();
			throw ex;
		}
		return new JvmReceiver(delivered::sum,
				() -> client.snapshot().counters().dropped().values().stream().mapToLong(Long::longValue).sum(),
				ThreadCpu::clientSide, CLIENT_SCOPE, client::stop);
	}

	/**
	 * Waits until the receiver about to be measured is the topic's only listener: the one
	 * measured before may still be connected at the server until it noticed the close,
	 * and a burst to a closing connection fails.
	 */
	private void awaitOnlyListener(String topic) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (this.server.listeners(topic) > 1) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("A receiver measured before still listens to " + topic);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	/**
	 * Warm-up rounds, then measured rounds: each a burst of the configured size, timed
	 * from the request to the server until the receiver has counted (or dropped) all of
	 * it; closes the receiver after.
	 */
	private Result measure(String name, Kind kind, Receiver receiver, String message) throws Exception {
		try (receiver) {
			awaitOnlyListener("whispers." + USER);
			int n = this.config.messages();
			List<Double> rates = new ArrayList<>();
			List<Double> cpu = new ArrayList<>();
			List<Double> allocated = new ArrayList<>();
			for (int round = 0; round < this.config.warmups() + this.config.rounds(); round++) {
				long receivedBefore = receiver.received();
				long droppedBefore = receiver.dropped();
				receiver.expect(receivedBefore + n);
				long cpuBefore = receiver.cpuNanos();
				long allocatedBefore = receiver.allocatedBytes();
				long start = System.nanoTime();
				this.server.burst("whispers." + USER, n, message);
				long deadline = start + TimeUnit.MINUTES.toNanos(2);
				while (receiver.received() - receivedBefore + receiver.dropped() - droppedBefore < n
						&& System.nanoTime() < deadline) {
					LockSupport.parkNanos(50_000);
				}
				long elapsed = System.nanoTime() - start;
				long received = receiver.received() - receivedBefore;
				long cpuUsed = receiver.cpuNanos() - cpuBefore;
				long allocatedAfter = receiver.allocatedBytes();
				if (round >= this.config.warmups()) {
					rates.add(received * 1e9 / elapsed);
					cpu.add(cpuUsed / 1000.0 / Math.max(1, received));
					if (allocatedBefore >= 0 && allocatedAfter >= 0) {
						allocated.add((allocatedAfter - allocatedBefore) / (double) Math.max(1, received));
					}
				}
			}
			return new Result(name, kind, Stats.of(rates), Stats.of(cpu),
					allocated.isEmpty() ? null : Stats.of(allocated), receiver.dropped());
		}
	}

}
