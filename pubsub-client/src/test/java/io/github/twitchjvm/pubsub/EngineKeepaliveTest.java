package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.testing.FakeConnection;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.twitchjvm.pubsub.EngineHarness.BITS;
import static io.github.twitchjvm.pubsub.EngineHarness.INITIAL_BACKOFF;
import static io.github.twitchjvm.pubsub.EngineHarness.PING_FREQUENCY;
import static io.github.twitchjvm.pubsub.EngineHarness.PONG_TIMEOUT;
import static io.github.twitchjvm.pubsub.EngineHarness.USER;
import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static io.github.twitchjvm.pubsub.EngineHarness.count;
import static io.github.twitchjvm.pubsub.EngineHarness.frames;
import static io.github.twitchjvm.pubsub.EngineHarness.listenNonce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each socket does on its own: PING and the PONG deadline, a peer that stops
 * reading, AUTH_REVOKED, and frames it cannot use. One stalled socket must never hold up
 * another.
 */
class EngineKeepaliveTest {

	private final EngineHarness engine = new EngineHarness();

	@Test
	void eachSocketPingsAtItsFrequencyAndAPongReportsTheRoundTrip() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection socket = this.engine.openAndConfirm(WHISPERS);
		frames(socket);
		this.engine.loop.advance(PING_FREQUENCY.minusMillis(1));
		assertThat(count(frames(socket), "PING")).isZero();
		this.engine.loop.advance(Duration.ofMillis(1));
		assertThat(count(frames(socket), "PING")).isOne();
		this.engine.loop.advance(Duration.ofMillis(40));
		this.engine.serverFrame(socket, "{\"type\":\"PONG\"}");
		assertThat(this.engine.events.lines).contains("pong pubsub-1 40ms");
		assertThat(this.engine.connection("pubsub-1").pingRoundTrip()).isEqualTo(Duration.ofMillis(40));

		this.engine.loop.advance(PONG_TIMEOUT.multipliedBy(2));
		assertThat(socket.ended()).as("an answered PING sets no deadline").isFalse();
		this.engine.loop.advance(PING_FREQUENCY);
		assertThat(count(frames(socket), "PING")).as("the next PING").isOne();
	}

	@Test
	void noPongInTimeReplacesTheSocketAndListensAgain() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection socket = this.engine.openAndConfirm(WHISPERS);
		this.engine.loop.advance(PING_FREQUENCY);
		this.engine.loop.advance(PONG_TIMEOUT.minusMillis(1));
		assertThat(socket.ended()).isFalse();
		this.engine.loop.advance(Duration.ofMillis(1));
		assertThat(socket.aborted()).isTrue();
		assertThat(this.engine.reconnects()).containsEntry("pong_timeout", 1L);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.PENDING);

		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(2));
		this.engine.openAndConfirm(WHISPERS);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
	}

	@Test
	void aStalledSocketDelaysNeitherAnotherSocketsPingsNorItsListens() {
		EngineHarness two = new EngineHarness((builder) -> builder.topicsPerConnection(1));
		two.start();
		two.listen(WHISPERS);
		FakeConnection stalled = two.openAndConfirm(WHISPERS);
		two.listen(BITS);
		FakeConnection healthy = two.openAndConfirm(BITS);
		frames(healthy);
		frames(stalled);

		stalled.stall();
		two.loop.advance(PING_FREQUENCY);
		assertThat(count(frames(stalled), "PING")).as("handed to the stalled socket, never finished").isOne();
		assertThat(count(frames(healthy), "PING")).as("on time on the other socket").isOne();
		two.serverFrame(healthy, "{\"type\":\"PONG\"}");

		// A new topic lands on a third socket at once, though the stalled one never
		// finished its send.
		Topic points = TopicType.CHANNEL_POINTS.topic(USER);
		CompletableFuture<UUID> confirmed = two.listen(points);
		FakeConnection third = two.open();
		two.answer(third, listenNonce(frames(third), points), "");
		assertThat(confirmed).isCompleted();

		// The stalled socket's PING stays unanswered: it is replaced like any other
		// silent socket.
		two.loop.advance(PONG_TIMEOUT);
		assertThat(stalled.aborted()).isTrue();
		assertThat(two.reconnects()).containsEntry("pong_timeout", 1L);
	}

	@Test
	void aPeerThatStopsReadingIsDroppedOnceTheBacklogPassesItsBound() {
		String hugeToken = "t".repeat(600 * 1024);
		this.engine.tokens.value = hugeToken;
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection socket = this.engine.open();
		socket.stall();
		// One LISTEN is on its way, one waits; the next would pass 1 MiB waiting.
		this.engine.listen(BITS);
		this.engine.listen(TopicType.CHANNEL_POINTS.topic(USER));
		assertThat(socket.aborted()).isFalse();
		this.engine.listen(TopicType.CHANNEL_SUBSCRIPTIONS.topic(USER));
		assertThat(socket.aborted()).isTrue();
		assertThat(this.engine.reconnects()).containsEntry("send_stalled", 1L);
	}

	@Test
	void authRevokedRevokesTheTopicsForGoodAndTellsTheListeners() {
		this.engine.start();
		List<String> received = new ArrayList<>();
		this.engine.listen(WHISPERS, received);
		this.engine.listen(BITS);
		FakeConnection socket = this.engine.openAndConfirm(WHISPERS, BITS);
		this.engine.serverFrame(socket,
				"{\"type\":\"AUTH_REVOKED\",\"data\":{\"topics\":[\"" + WHISPERS.value() + "\",\"whispers.1\"]}}");
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.REVOKED);
		assertThat(this.engine.topic(WHISPERS).failure()).contains("AUTH_REVOKED");
		assertThat(this.engine.events.lines).contains("revoked whispers.44322889");

		socket.drop();
		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(2));
		FakeConnection second = this.engine.open();
		List<JsonNode> relistens = frames(second);
		assertThat(count(relistens, "LISTEN")).as("only bits is listened again").isOne();
		listenNonce(relistens, BITS);
	}

	@Test
	void framesTheSocketCannotUseAreCountedAndTheSocketStays() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection socket = this.engine.openAndConfirm(WHISPERS);
		this.engine.serverFrame(socket, "not json");
		this.engine.serverFrame(socket, "{\"type\":\"SURPRISE\"}");
		this.engine.serverFrame(socket, "{\"type\":\"RESPONSE\",\"error\":\"\",\"nonce\":\"nobody-asked\"}");
		socket.receiveUnusable("a binary message");
		this.engine.loop.runPending();
		assertThat(this.engine.client.snapshot().counters().badFrames()).isEqualTo(3);
		assertThat(socket.ended()).isFalse();
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
	}

	@Test
	void aListenerThatWaitsForAConfirmationFailsFastInsteadOfWaitingForItself() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection socket = this.engine.openAndConfirm(WHISPERS);
		// With the harness's one thread for everything, every call counts as made on the
		// notification thread.
		assertThat(
				org.assertj.core.api.Assertions.catchThrowable(() -> this.engine.client.listenBits(USER, (id, bits) -> {
				})))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cannot be waited for on the client's own threads");
		this.engine.loop.runPending();
		this.engine.answer(socket, listenNonce(frames(socket), BITS), "");
		assertThat(this.engine.client.snapshot().topics()).extracting(TopicStatus::topic)
			.as("the call that threw leaves no subscription behind once confirmed")
			.containsExactly(WHISPERS);
	}

}
