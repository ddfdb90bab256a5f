package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.testing.FakeConnection;
import io.github.twitchjvm.core.testing.FakeTransport;
import io.github.twitchjvm.core.testing.ManualEngineLoop;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client whose engine runs on a {@link ManualEngineLoop} and talks through a
 * {@link FakeTransport}: the test plays the server and the clock, so every state
 * transition happens exactly when the test says. Handlers run on the calling thread.
 */
final class EngineHarness {

	static final String USER = "44322889";

	static final String OTHER_USER = "12826";

	static final Topic WHISPERS = TopicType.WHISPERS.topic(USER);

	static final Topic BITS = TopicType.BITS_V2.topic(USER);

	static final Duration PING_FREQUENCY = Duration.ofSeconds(120);

	static final Duration PONG_TIMEOUT = Duration.ofSeconds(10);

	static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(120);

	static final Duration SETTLE = Duration.ofSeconds(1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final ManualEngineLoop loop = new ManualEngineLoop();

	final FakeTransport transport = new FakeTransport();

	final Events events = new Events();

	final Tokens tokens = new Tokens();

	final PubSubClient client;

	EngineHarness() {
		this(UnaryOperator.identity());
	}

	EngineHarness(UnaryOperator<PubSubClientBuilder> customize) {
		PubSubClientBuilder builder = PubSubClient.builder()
			.uri(URI.create("ws://127.0.0.1:9"))
			.tokenProvider(this.tokens)
			.transport(this.transport)
			.dispatchExecutor(Runnable::run)
			.pingFrequency(PING_FREQUENCY)
			.pingJitter(Duration.ZERO)
			.pongTimeout(PONG_TIMEOUT)
			.listenConfirmTimeout(LISTEN_TIMEOUT)
			.connectTimeout(CONNECT_TIMEOUT)
			.reconnectBackoff(INITIAL_BACKOFF, MAX_BACKOFF)
			.handoverSettle(SETTLE)
			.listener(this.events)
			.loops(this.loop, this.loop);
		this.client = customize.apply(builder).build();
	}

	void start() {
		this.client.start();
		this.loop.runPending();
	}

	/**
	 * Subscribes to a topic, recording raw messages; the future is the {@code listen*}
	 * call.
	 */
	CompletableFuture<UUID> listen(Topic topic, List<String> received) {
		CompletableFuture<UUID> confirmed = this.client.listenRawAsync(topic,
				(subscription, message) -> received.add(message.text()));
		this.loop.runPending();
		return confirmed;
	}

	CompletableFuture<UUID> listen(Topic topic) {
		return listen(topic, new ArrayList<>());
	}

	/** Opens the latest connection attempt. */
	FakeConnection open() {
		FakeConnection connection = this.transport.last().open();
		this.loop.runPending();
		return connection;
	}

	/** The frames the client sent on a connection since the last look, parsed. */
	static List<JsonNode> frames(FakeConnection connection) {
		return connection.takeSent().stream().map(JSON::readTree).toList();
	}

	/**
	 * @return the nonce of the one LISTEN for the topic among {@code frames}
	 */
	static String listenNonce(List<JsonNode> frames, Topic topic) {
		return nonce(frames, "LISTEN", topic);
	}

	static String nonce(List<JsonNode> frames, String type, Topic topic) {
		List<String> nonces = frames.stream()
			.filter((frame) -> frame.path("type").asString().equals(type))
			.filter((frame) -> frame.path("data").path("topics").get(0).asString().equals(topic.value()))
			.map((frame) -> frame.path("nonce").asString())
			.toList();
		assertThat(nonces).as("%s frames for %s", type, topic).hasSize(1);
		return nonces.get(0);
	}

	static long count(List<JsonNode> frames, String type) {
		return frames.stream().filter((frame) -> frame.path("type").asString().equals(type)).count();
	}

	void answer(FakeConnection connection, String nonce, String error) {
		connection.receive("{\"type\":\"RESPONSE\",\"error\":\"" + error + "\",\"nonce\":\"" + nonce + "\"}");
		this.loop.runPending();
	}

	/** Opens the latest connection and confirms the LISTENs of these topics on it. */
	FakeConnection openAndConfirm(Topic... topics) {
		FakeConnection connection = open();
		List<JsonNode> sent = frames(connection);
		for (Topic topic : topics) {
			answer(connection, listenNonce(sent, topic), "");
		}
		return connection;
	}

	void publish(FakeConnection connection, Topic topic, String text) {
		connection.receive("{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"" + topic.value() + "\",\"message\":"
				+ JSON.writeValueAsString(text) + "}}");
		this.loop.runPending();
	}

	void serverFrame(FakeConnection connection, String frame) {
		connection.receive(frame);
		this.loop.runPending();
	}

	TopicStatus topic(Topic topic) {
		return this.client.snapshot()
			.topics()
			.stream()
			.filter((status) -> status.topic().equals(topic))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No topic " + topic));
	}

	ConnectionStatus connection(String id) {
		return this.client.snapshot()
			.connections()
			.stream()
			.filter((status) -> status.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No connection " + id));
	}

	Map<String, Long> reconnects() {
		return this.client.snapshot().counters().reconnects();
	}

	/**
	 * Hands out a token per user, counting requests and refreshes; a user may be made to
	 * answer never.
	 */
	static final class Tokens implements TwitchTokenProvider {

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger refreshes = new AtomicInteger();

		@Nullable CompletableFuture<AccessToken> pending;

		boolean hang;

		java.util.@Nullable Set<String> scopes;

		String value = "token0";

		@Override
		public CompletionStage<AccessToken> token(@Nullable String userId) {
			this.requests.incrementAndGet();
			if (this.hang) {
				this.pending = new CompletableFuture<>();
				return this.pending;
			}
			return CompletableFuture.completedFuture(new AccessToken(this.value + "-" + userId, this.scopes, null));
		}

		@Override
		public CompletionStage<AccessToken> refresh(@Nullable String userId, AccessToken rejected) {
			this.refreshes.incrementAndGet();
			return CompletableFuture.completedFuture(AccessToken.of("refreshed-" + userId));
		}

	}

	/** Records what the listeners are told, one line each. */
	static final class Events implements PubSubListener {

		final List<String> lines = new CopyOnWriteArrayList<>();

		@Override
		public void connectionChanged(ConnectionStatus status) {
			this.lines.add("connection " + status.id() + " " + status.state());
		}

		@Override
		public void topicChanged(TopicStatus status) {
			this.lines.add("topic " + status.topic() + " " + status.state());
		}

		@Override
		public void topicRemoved(Topic topic) {
			this.lines.add("removed " + topic);
		}

		@Override
		public void authorizationRevoked(Topic topic) {
			this.lines.add("revoked " + topic);
		}

		@Override
		public void messageDropped(@Nullable Topic topic, DropReason reason, long count) {
			this.lines.add("dropped " + topic + " " + reason.tagValue() + " " + count);
		}

		@Override
		public void listenCompleted(Topic topic, @Nullable String error, Duration elapsed) {
			this.lines
				.add("listen " + topic + " " + ((error != null) ? error : "ok") + " " + elapsed.toMillis() + "ms");
		}

		@Override
		public void reconnecting(String connectionId, ReconnectCause cause) {
			this.lines.add("reconnecting " + connectionId + " " + cause.tagValue());
		}

		@Override
		public void pongReceived(String connectionId, Duration roundTrip) {
			this.lines.add("pong " + connectionId + " " + roundTrip.toMillis() + "ms");
		}

		List<String> take() {
			List<String> taken = List.copyOf(this.lines);
			this.lines.clear();
			return taken;
		}

	}

	/** What a failed future failed with (Java 17 has no {@code exceptionNow()}). */
	static Throwable failure(CompletableFuture<?> future) {
		assertThat(future).isCompletedExceptionally();
		try {
			future.join();
			throw new AssertionError("not failed");
		}
		catch (java.util.concurrent.CompletionException ex) {
			return ex.getCause();
		}
	}

	/** For raw handlers that need the whole message. */
	static List<String> texts(List<PubSubMessage> messages) {
		return messages.stream().map(PubSubMessage::text).toList();
	}

}
