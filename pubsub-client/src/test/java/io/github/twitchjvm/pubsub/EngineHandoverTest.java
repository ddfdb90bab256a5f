package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.twitchjvm.core.testing.FakeConnection;
import io.github.twitchjvm.core.transport.CloseCodes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.twitchjvm.pubsub.EngineHarness.CONNECT_TIMEOUT;
import static io.github.twitchjvm.pubsub.EngineHarness.INITIAL_BACKOFF;
import static io.github.twitchjvm.pubsub.EngineHarness.SETTLE;
import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static io.github.twitchjvm.pubsub.EngineHarness.frames;
import static io.github.twitchjvm.pubsub.EngineHarness.listenNonce;
import static io.github.twitchjvm.pubsub.EngineHarness.nonce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Make before break, driven by hand: after the server's RECONNECT (or on request) a
 * replacement listens while the old socket still delivers, the two streams merge into one
 * without loss or duplicates, and the old socket is unlistened and closed once it
 * settled.
 */
class EngineHandoverTest {

	private static final String RECONNECT = "{\"type\":\"RECONNECT\"}";

	private final EngineHarness engine = new EngineHarness();

	private final List<String> received = new ArrayList<>();

	private FakeConnection started() {
		this.engine.start();
		this.engine.listen(WHISPERS, this.received);
		return this.engine.openAndConfirm(WHISPERS);
	}

	@Test
	void aServerReconnectHandsOverWithoutLossOrDuplicates() {
		FakeConnection old = started();
		this.engine.publish(old, WHISPERS, "m1");

		this.engine.serverFrame(old, RECONNECT);
		assertThat(this.engine.reconnects()).containsEntry("server_reconnect", 1L);
		assertThat(this.engine.transport.attempts()).isEqualTo(2);
		assertThat(this.engine.connection("pubsub-1").state()).as("the old socket still delivers")
			.isEqualTo(ConnectionState.OPEN);
		this.engine.publish(old, WHISPERS, "m2");

		FakeConnection fresh = this.engine.open();
		List<JsonNode> listens = frames(fresh);
		// The server now publishes to both sockets; the old one happens to be read first.
		this.engine.publish(old, WHISPERS, "m3");
		this.engine.publish(fresh, WHISPERS, "m3");
		this.engine.publish(fresh, WHISPERS, "m4");
		this.engine.publish(old, WHISPERS, "m4");

		this.engine.answer(fresh, listenNonce(listens, WHISPERS), "");
		String unlisten = nonce(frames(old), "UNLISTEN", WHISPERS);
		this.engine.publish(fresh, WHISPERS, "m5");
		this.engine.answer(old, unlisten, "");
		this.engine.loop.advance(SETTLE.minusMillis(1));
		assertThat(old.closedByClient()).isFalse();
		this.engine.loop.advance(Duration.ofMillis(1));
		assertThat(old.closedByClient()).as("closed a settle time after the UNLISTEN's answer").isTrue();
		old.serverClose(CloseCodes.NORMAL, "");
		this.engine.loop.advance(SETTLE);

		this.engine.publish(fresh, WHISPERS, "m6");
		assertThat(this.received).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
		assertThat(this.engine.client.snapshot().counters().dropped()).containsEntry("duplicate", 2L);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		assertThat(this.engine.connection("pubsub-1").reconnects()).isOne();
		assertThat(this.engine.events.lines).doesNotContain("topic whispers.44322889 PENDING");
	}

	@Test
	void withoutAReplacementTheOldSocketClosesAtTwitchsDeadline() {
		FakeConnection old = started();
		this.engine.serverFrame(old, RECONNECT);
		this.engine.loop.advance(Duration.ofSeconds(29));
		assertThat(old.closedByClient()).isFalse();
		this.engine.loop.advance(Duration.ofSeconds(1));
		assertThat(old.closedByClient()).as("Twitch drops it within 30 s anyway").isTrue();
	}

	@Test
	void aReplacementThatCannotConnectLeavesTheOldSocketDelivering() {
		FakeConnection old = started();
		this.engine.serverFrame(old, RECONNECT);
		this.engine.transport.last().refuse();
		this.engine.loop.runPending();
		assertThat(this.engine.reconnects()).containsEntry("connect_failed", 1L);
		assertThat(this.engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.OPEN);
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		this.engine.publish(old, WHISPERS, "still here");
		assertThat(this.received).containsExactly("still here");

		this.engine.loop.advance(Duration.ofSeconds(2));
		FakeConnection fresh = this.engine.open();
		this.engine.answer(fresh, listenNonce(frames(fresh), WHISPERS), "");
		assertThat(nonce(frames(old), "UNLISTEN", WHISPERS)).isNotEmpty();
	}

	@Test
	void whenTheOldSocketEndsBeforeTheReplacementOpensTheTopicsWaitForIt() {
		FakeConnection old = started();
		this.engine.serverFrame(old, RECONNECT);
		old.serverClose(CloseCodes.NORMAL, "maintenance");
		this.engine.loop.runPending();
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.PENDING);
		assertThat(this.engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.CONNECTING);

		FakeConnection fresh = this.engine.open();
		this.engine.answer(fresh, listenNonce(frames(fresh), WHISPERS), "");
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		this.engine.publish(fresh, WHISPERS, "after");
		assertThat(this.received).containsExactly("after");
	}

	@Test
	void aReconnectForTheReplacementDuringAHandoverWaitsUntilItIsOver() {
		FakeConnection old = started();
		this.engine.serverFrame(old, RECONNECT);
		FakeConnection second = this.engine.open();
		List<JsonNode> listens = frames(second);
		this.engine.serverFrame(second, RECONNECT);
		assertThat(this.engine.transport.attempts()).as("the replacement is not replaced yet").isEqualTo(2);

		this.engine.answer(second, listenNonce(listens, WHISPERS), "");
		this.engine.answer(old, nonce(frames(old), "UNLISTEN", WHISPERS), "");
		this.engine.loop.advance(SETTLE);
		old.serverClose(CloseCodes.NORMAL, "");
		this.engine.loop.runPending();
		assertThat(this.engine.transport.attempts()).as("not at once: asked for twice within a minute").isEqualTo(2);
		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(5).dividedBy(4));
		assertThat(this.engine.transport.attempts()).as("now it is").isEqualTo(3);
		assertThat(this.engine.reconnects()).containsEntry("server_reconnect", 2L);
		FakeConnection third = this.engine.open();
		this.engine.answer(third, listenNonce(frames(third), WHISPERS), "");
		assertThat(nonce(frames(second), "UNLISTEN", WHISPERS)).isNotEmpty();
	}

	@Test
	void aServerThatSendsReconnectOnEverySocketHasThemReplacedAtAGrowingPace() {
		FakeConnection current = started();
		Duration[] paces = { Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4) };
		for (Duration pace : paces) {
			int attempts = this.engine.transport.attempts();
			this.engine.serverFrame(current, RECONNECT);
			if (!pace.isZero()) {
				this.engine.loop.advance(pace.minusMillis(1));
				assertThat(this.engine.transport.attempts()).as("no replacement before %s", pace).isEqualTo(attempts);
				assertThat(this.engine.client.isConnected()).as("the current socket keeps working").isTrue();
			}
			this.engine.loop.advance(pace.dividedBy(4).plusMillis(101));
			assertThat(this.engine.transport.attempts()).as("a replacement by %s plus jitter", pace)
				.isEqualTo(attempts + 1);
			FakeConnection fresh = this.engine.open();
			this.engine.answer(fresh, listenNonce(frames(fresh), WHISPERS), "");
			this.engine.answer(current, nonce(frames(current), "UNLISTEN", WHISPERS), "");
			this.engine.loop.advance(SETTLE);
			current.serverClose(CloseCodes.NORMAL, "");
			this.engine.loop.runPending();
			current = fresh;
		}
		assertThat(this.engine.reconnects()).containsEntry("server_reconnect", 4L);
	}

	@Test
	void reconnectsRepeatedWhileAReplacementIsHeldBackDoNotPostponeIt() {
		FakeConnection current = started();
		this.engine.serverFrame(current, RECONNECT);
		FakeConnection fresh = this.engine.open();
		this.engine.answer(fresh, listenNonce(frames(fresh), WHISPERS), "");
		this.engine.answer(current, nonce(frames(current), "UNLISTEN", WHISPERS), "");
		this.engine.loop.advance(SETTLE);
		current.serverClose(CloseCodes.NORMAL, "");
		this.engine.loop.runPending();
		int attempts = this.engine.transport.attempts();
		this.engine.serverFrame(fresh, RECONNECT);
		for (int i = 0; i < 5; i++) {
			this.engine.loop.advance(Duration.ofMillis(200));
			this.engine.serverFrame(fresh, RECONNECT);
		}
		assertThat(this.engine.transport.attempts()).isEqualTo(attempts);
		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(5).dividedBy(4).minusMillis(1000));
		assertThat(this.engine.transport.attempts()).as("the first one held back, not the last")
			.isEqualTo(attempts + 1);
	}

	@Test
	void aRequestedReconnectReplacesTheSocketTheSameWay() {
		FakeConnection old = started();
		assertThat(this.engine.client.reconnect("pubsub-9")).isZero();
		assertThat(this.engine.client.reconnect(null)).isOne();
		this.engine.loop.runPending();
		assertThat(this.engine.reconnects()).containsEntry("requested", 1L);
		assertThat(this.engine.client.reconnect(null)).as("already being replaced").isZero();
		FakeConnection fresh = this.engine.open();
		this.engine.answer(fresh, listenNonce(frames(fresh), WHISPERS), "");
		this.engine.answer(old, nonce(frames(old), "UNLISTEN", WHISPERS), "");
		this.engine.loop.advance(SETTLE);
		assertThat(old.closedByClient()).isTrue();
	}

	@Test
	void aReplacementWhoseHandshakeHangsIsGivenUpAndRetried() {
		FakeConnection old = started();
		this.engine.serverFrame(old, RECONNECT);
		this.engine.loop.advance(CONNECT_TIMEOUT);
		assertThat(this.engine.transport.last().handshakeCancelled()).isTrue();
		this.engine.loop.advance(Duration.ofSeconds(2));
		assertThat(this.engine.transport.attempts()).isEqualTo(3);
	}

}
