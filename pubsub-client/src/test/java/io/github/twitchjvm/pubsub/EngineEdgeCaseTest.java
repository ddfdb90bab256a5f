package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.twitchjvm.core.testing.FakeConnection;
import io.github.twitchjvm.core.transport.CloseCodes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.twitchjvm.pubsub.EngineHarness.BITS;
import static io.github.twitchjvm.pubsub.EngineHarness.LISTEN_TIMEOUT;
import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static io.github.twitchjvm.pubsub.EngineHarness.count;
import static io.github.twitchjvm.pubsub.EngineHarness.failure;
import static io.github.twitchjvm.pubsub.EngineHarness.frames;
import static io.github.twitchjvm.pubsub.EngineHarness.listenNonce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edge cases a review of the redesigned engine found, each shown failing before its fix:
 * handlers the engine releases never run in the middle of an engine method, a connection
 * that opens as its socket is closed is not left behind, an unanswered PING's deadline is
 * not pushed out by the next PING, a waiting call keeps its deadline when its LISTEN's
 * socket dies, and the sockets of a stopped client change nothing after the next start.
 */
class EngineEdgeCaseTest {

	private static final String RECONNECT = "{\"type\":\"RECONNECT\"}";

	@Test
	void aHandlerReleasedByTheEngineMayCallTheClientWithoutBreakingTheEngine() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		List<String> received = new ArrayList<>();
		AtomicReference<CompletableFuture<UUID>> bits = new AtomicReference<>();
		// Whispers first: the engine walks the slot's topics in that order, and bits
		// comes after.
		engine.client.listenRawAsync(WHISPERS, (id, message) -> {
			received.add(message.text());
			// On the engine's thread here (a direct dispatch executor): the engine must
			// be between tasks.
			engine.client.unlisten(bits.get().join());
		});
		engine.loop.runPending();
		bits.set(engine.listen(BITS));
		engine.loop.runPending();
		FakeConnection old = engine.openAndConfirm(WHISPERS, BITS);
		engine.serverFrame(old, RECONNECT);
		FakeConnection fresh = engine.open();
		List<JsonNode> listens = frames(fresh);
		// The replacement's message is held back until the old socket ends, then released
		// by the engine.
		engine.publish(fresh, WHISPERS, "released");
		assertThat(received).isEmpty();
		old.serverClose(CloseCodes.NORMAL, "");
		engine.loop.runPending();

		assertThat(received).containsExactly("released");
		assertThat(engine.client.snapshot().topics()).extracting(TopicStatus::topic).containsExactly(WHISPERS);
		engine.answer(fresh, listenNonce(listens, WHISPERS), "");
		assertThat(engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		assertThat(engine.connection("pubsub-1").state()).isEqualTo(ConnectionState.OPEN);
	}

	@Test
	void aConnectionThatOpensAsItsSocketIsClosedIsDropped() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection connecting = engine.transport.last();
		connecting.open();
		// The handshake's result waits in the loop's inbox while the client stops.
		engine.client.stop();
		engine.loop.runPending();
		assertThat(connecting.aborted()).isTrue();
		assertThat(connecting.sent()).isEmpty();
	}

	@Test
	void aNewPingDoesNotPushTheDeadlineOfAnUnansweredOneFurtherOut() {
		EngineHarness engine = new EngineHarness(
				(builder) -> builder.pingFrequency(Duration.ofSeconds(13)).pongTimeout(Duration.ofSeconds(30)));
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection socket = engine.openAndConfirm(WHISPERS);
		engine.loop.advance(Duration.ofSeconds(13));
		engine.loop.advance(Duration.ofSeconds(29));
		assertThat(count(frames(socket), "PING")).as("two more PINGs went out meanwhile").isEqualTo(3);
		assertThat(socket.aborted()).isFalse();
		engine.loop.advance(Duration.ofSeconds(1));
		assertThat(socket.aborted()).as("30 s after the first unanswered PING").isTrue();
		assertThat(engine.reconnects()).containsEntry("pong_timeout", 1L);
	}

	@Test
	void aWaitingCallKeepsItsDeadlineWhenTheSocketOfItsListenDies() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		CompletableFuture<UUID> confirmed = engine.listen(WHISPERS);
		engine.loop.advance(Duration.ofSeconds(5));
		FakeConnection socket = engine.open();
		engine.loop.advance(LISTEN_TIMEOUT.minusSeconds(5));
		assertThat(confirmed).as("its LISTEN is under way").isNotDone();
		socket.drop();
		engine.loop.runPending();
		for (int i = 0; i < 20 && !confirmed.isDone(); i++) {
			engine.loop.advance(Duration.ofSeconds(3));
			if (engine.transport.last().connecting()) {
				engine.transport.last().refuse();
			}
		}
		assertThat(failure(confirmed)).isInstanceOf(ListenTimeoutException.class);
	}

	@Test
	void theSocketsOfAStoppedClientChangeNothingAfterTheNextStart() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection old = engine.openAndConfirm(WHISPERS);
		engine.serverFrame(old, RECONNECT);
		FakeConnection replacement = engine.open();
		engine.client.stop();
		engine.loop.runPending();
		engine.start();
		engine.openAndConfirm(WHISPERS);
		assertThat(engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		engine.events.take();

		old.serverClose(CloseCodes.NORMAL, "");
		replacement.serverClose(CloseCodes.NORMAL, "");
		engine.loop.advance(Duration.ofSeconds(5));
		assertThat(engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
		assertThat(engine.events.lines).isEmpty();
	}

}
