package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.testing.FakeConnection;
import io.github.twitchjvm.core.transport.CloseCodes;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.EngineHarness.BITS;
import static io.github.twitchjvm.pubsub.EngineHarness.CONNECT_TIMEOUT;
import static io.github.twitchjvm.pubsub.EngineHarness.INITIAL_BACKOFF;
import static io.github.twitchjvm.pubsub.EngineHarness.LISTEN_TIMEOUT;
import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static io.github.twitchjvm.pubsub.EngineHarness.count;
import static io.github.twitchjvm.pubsub.EngineHarness.failure;
import static io.github.twitchjvm.pubsub.EngineHarness.frames;
import static io.github.twitchjvm.pubsub.EngineHarness.listenNonce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slot's sockets, driven by hand: connecting, connect timeouts, backoff between
 * attempts and its reset, sockets the server closes or that break, and stop/start. No
 * network, no sleeping: the test is the server and the clock.
 */
class EngineConnectionTest {

	private final EngineHarness engine = new EngineHarness();

	@Test
	void aTopicOpensASocketAndListensOnceItIsOpen() {
		this.engine.start();
		assertThat(this.engine.transport.attempts()).as("no topic, no socket").isZero();

		CompletableFuture<UUID> confirmed = this.engine.listen(WHISPERS);
		assertThat(this.engine.transport.attempts()).isOne();
		FakeConnection socket = this.engine.transport.last();
		assertThat(socket.connecting()).isTrue();
		assertThat(socket.options().connectTimeout()).isEqualTo(CONNECT_TIMEOUT);
		assertThat(this.engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.CONNECTING);
		assertThat(socket.sent()).as("nothing is sent before the handshake").isEmpty();

		this.engine.open();
		var sent = frames(socket);
		assertThat(count(sent, "LISTEN")).isOne();
		assertThat(sent.get(0).path("data").path("auth_token").asString()).isEqualTo("token0-44322889");
		assertThat(this.engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.OPEN);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.PENDING);
		assertThat(confirmed).isNotDone();

		this.engine.answer(socket, listenNonce(sent, WHISPERS), "");
		assertThat(confirmed).isCompleted();
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		assertThat(this.engine.client.isConnected()).isTrue();
		assertThat(this.engine.events.lines).containsSubsequence("connection pubsub-1 CONNECTING",
				"connection pubsub-1 OPEN", "topic whispers.44322889 ACTIVE");
	}

	@Test
	void aHandshakeThatTakesTooLongFailsAndIsRetriedAfterTheBackoff() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection first = this.engine.transport.last();

		this.engine.loop.advance(CONNECT_TIMEOUT.minusMillis(1));
		assertThat(first.connecting()).isTrue();
		this.engine.loop.advance(Duration.ofMillis(1));
		assertThat(first.handshakeCancelled()).isTrue();
		assertThat(this.engine.reconnects()).containsEntry("connect_failed", 1L);
		assertThat(this.engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.RECONNECTING);

		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(5).dividedBy(4));
		assertThat(this.engine.transport.attempts()).isEqualTo(2);
		assertThat(this.engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.CONNECTING);

		// A handshake that completes after its deadline is dropped, not used.
		first.open();
		this.engine.loop.runPending();
		assertThat(first.aborted()).isTrue();
	}

	@Test
	void theFirstRetryGoesOutAtOnceThenTheBackoffDoublesAndStartsAgainOnceASocketWorked() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		this.engine.transport.last().refuse();
		this.engine.loop.runPending();
		int before = this.engine.transport.attempts();
		this.engine.loop.advance(Duration.ofMillis(100));
		assertThat(this.engine.transport.attempts()).as("the first retry within 100 ms").isEqualTo(before + 1);
		long[] seconds = { 1, 2, 4, 8 };
		for (int i = 0; i < seconds.length; i++) {
			this.engine.transport.last().refuse();
			this.engine.loop.runPending();
			int attempts = this.engine.transport.attempts();
			this.engine.loop.advance(Duration.ofSeconds(seconds[i]).minusMillis(1));
			assertThat(this.engine.transport.attempts()).as("no attempt before %s s", seconds[i]).isEqualTo(attempts);
			this.engine.loop.advance(Duration.ofMillis(seconds[i] * 250 + 1));
			assertThat(this.engine.transport.attempts()).as("an attempt by %s s plus a quarter", seconds[i])
				.isEqualTo(attempts + 1);
		}
		assertThat(this.engine.reconnects()).containsEntry("connect_failed", 5L);

		FakeConnection open = this.engine.openAndConfirm(WHISPERS);
		this.engine.loop.advance(Duration.ofSeconds(1));
		open.drop();
		this.engine.loop.runPending();
		int attempts = this.engine.transport.attempts();
		this.engine.loop.advance(Duration.ofMillis(100));
		assertThat(this.engine.transport.attempts()).as("after a socket that worked, at once again")
			.isEqualTo(attempts + 1);
	}

	@Test
	void aServerThatConfirmsAndDropsAtOnceIsStillBackedOff() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		for (int i = 0; i < 3; i++) {
			FakeConnection connection = this.engine.openAndConfirm(WHISPERS);
			connection.drop();
			this.engine.loop.runPending();
			int attempts = this.engine.transport.attempts();
			this.engine.loop.advance(Duration.ofMillis(100));
			if (i == 0) {
				assertThat(this.engine.transport.attempts()).as("the first retry at once").isEqualTo(attempts + 1);
			}
			else {
				assertThat(this.engine.transport.attempts()).as("retry %s waits", i).isEqualTo(attempts);
				this.engine.loop.advance(Duration.ofSeconds(3));
				assertThat(this.engine.transport.attempts()).isEqualTo(attempts + 1);
			}
		}
	}

	@Test
	void aServerThatDropsEverySocketAfterItWorkedIsRetriedAtOnceEveryTime() {
		this.engine.start();
		List<String> received = new ArrayList<>();
		this.engine.listen(WHISPERS, received);
		for (int i = 0; i < 10; i++) {
			FakeConnection connection = this.engine.openAndConfirm(WHISPERS);
			this.engine.publish(connection, WHISPERS, "message " + i);
			this.engine.loop.advance(Duration.ofSeconds(1));
			connection.drop();
			this.engine.loop.runPending();
			int attempts = this.engine.transport.attempts();
			this.engine.loop.advance(Duration.ofMillis(100));
			assertThat(this.engine.transport.attempts()).as("retry %s at once: the socket did work", i)
				.isEqualTo(attempts + 1);
		}
		assertThat(received).hasSize(10);
	}

	@Test
	void aServerThatDropsEverySocketBeforeItWorkedIsBackedOff() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		Duration waited = Duration.ZERO;
		// Five attempts: the listen call's 30 s deadline fails the topic after that.
		for (int i = 0; i < 5; i++) {
			FakeConnection connection = this.engine.open();
			connection.drop();
			this.engine.loop.runPending();
			int attempts = this.engine.transport.attempts();
			for (int step = 0; step < 1000 && this.engine.transport.attempts() == attempts; step++) {
				this.engine.loop.advance(Duration.ofMillis(50));
				waited = waited.plusMillis(50);
			}
			assertThat(this.engine.transport.attempts()).as("attempt %s", i).isEqualTo(attempts + 1);
		}
		assertThat(waited).as("0 + 1 + 2 + 4 + 8 s, with jitter")
			.isBetween(Duration.ofSeconds(15), Duration.ofMillis(18_900));
	}

	@Test
	void aSocketTheServerClosesIsReplacedAndItsTopicsListenedAgain() {
		this.engine.start();
		List<String> received = new ArrayList<>();
		this.engine.listen(WHISPERS, received);
		FakeConnection first = this.engine.openAndConfirm(WHISPERS);

		first.serverClose(CloseCodes.GOING_AWAY, "bye");
		this.engine.loop.runPending();
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.PENDING);
		assertThat(this.engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.RECONNECTING);
		assertThat(this.engine.reconnects()).containsEntry("closed", 1L);
		assertThat(this.engine.client.isConnected()).isFalse();

		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(5).dividedBy(4));
		FakeConnection second = this.engine.openAndConfirm(WHISPERS);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		assertThat(this.engine.connection("pubsub-1").reconnects()).isOne();

		this.engine.publish(first, WHISPERS, "late, from the dead socket");
		this.engine.publish(second, WHISPERS, "hello");
		assertThat(received).containsExactly("hello");
	}

	@Test
	void aSocketThatBreaksWithoutACloseFrameCountsAsAnError() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection first = this.engine.openAndConfirm(WHISPERS);
		first.drop();
		this.engine.loop.runPending();
		assertThat(this.engine.reconnects()).containsEntry("error", 1L);

		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(2));
		FakeConnection second = this.engine.openAndConfirm(WHISPERS);
		second.fail();
		this.engine.loop.runPending();
		assertThat(this.engine.reconnects()).containsEntry("error", 2L);
	}

	@Test
	void aListenCallFailsWhenNoSocketOpensWithinTheConfirmTimeout() {
		this.engine.start();
		CompletableFuture<UUID> confirmed = this.engine.listen(WHISPERS);
		for (int i = 0; i < 5; i++) {
			this.engine.transport.last().refuse();
			this.engine.loop.advance(Duration.ofSeconds(5));
		}
		this.engine.loop.advance(LISTEN_TIMEOUT);
		assertThat(confirmed).isCompletedExceptionally();
		assertThat(failure(confirmed)).isInstanceOf(ListenTimeoutException.class);
		assertThat(this.engine.client.snapshot().topics()).isEmpty();
		assertThat(this.engine.events.lines).contains("removed whispers.44322889");
	}

	@Test
	void topicsBeyondASocketsLimitOpenAnotherSocketUpToTheConnectionLimit() {
		EngineHarness small = new EngineHarness((builder) -> builder.topicsPerConnection(1).maxConnections(2));
		small.start();
		small.listen(WHISPERS);
		small.listen(BITS);
		assertThat(small.transport.attempts()).isEqualTo(2);
		CompletableFuture<UUID> third = small
			.listen(io.github.twitchjvm.pubsub.topic.TopicType.CHANNEL_POINTS.topic(EngineHarness.USER));
		assertThat(failure(third)).isInstanceOf(ConnectionLimitException.class);
		assertThat(small.client.snapshot().connections()).extracting(ConnectionStatus::id)
			.containsExactly("pubsub-1", "pubsub-2");
	}

	@Test
	void theLastUnlistenClosesTheSocketAndAnotherTopicUnlistensOnly() {
		this.engine.start();
		CompletableFuture<UUID> whispersListened = this.engine.listen(WHISPERS);
		CompletableFuture<UUID> bitsListened = this.engine.listen(BITS);
		FakeConnection socket = this.engine.openAndConfirm(WHISPERS, BITS);
		UUID whispers = whispersListened.getNow(null);
		UUID bits = bitsListened.getNow(null);

		assertThat(this.engine.client.unlisten(whispers)).isTrue();
		this.engine.loop.runPending();
		var sent = frames(socket);
		assertThat(count(sent, "UNLISTEN")).isOne();
		assertThat(socket.ended()).isFalse();

		assertThat(this.engine.client.unlisten(bits)).isTrue();
		this.engine.loop.runPending();
		assertThat(socket.closedByClient()).as("a socket without topics closes").isTrue();
		assertThat(socket.closeCode()).isEqualTo(CloseCodes.NORMAL);
		assertThat(this.engine.client.unlisten(bits)).as("unknown by now").isFalse();
	}

	@Test
	void stopClosesEverySocketAndFailsWaitingCallsAndStartListensAgain() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		this.engine.openAndConfirm(WHISPERS);
		CompletableFuture<UUID> waiting = this.engine.listen(BITS);
		FakeConnection socket = this.engine.transport.last();

		this.engine.client.stop();
		this.engine.loop.runPending();
		assertThat(socket.closedByClient()).isTrue();
		assertThat(failure(waiting)).hasMessageContaining("The client stopped");
		assertThat(this.engine.client.isRunning()).isFalse();
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.PENDING);
		this.engine.loop.advance(Duration.ofMinutes(10));
		assertThat(this.engine.loop.activeTimers()).as("a stopped engine leaves no timer").isZero();

		this.engine.start();
		assertThat(this.engine.transport.attempts()).isEqualTo(2);
		this.engine.openAndConfirm(WHISPERS);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
	}

	@Test
	void subscriptionsMadeBeforeStartReturnAtOnceAndAreListenedOnStart() {
		CompletableFuture<UUID> early = this.engine.listen(WHISPERS);
		assertThat(early).isCompleted();
		assertThat(this.engine.transport.attempts()).isZero();
		this.engine.start();
		this.engine.openAndConfirm(WHISPERS);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
	}

}
