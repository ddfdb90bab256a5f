package io.github.twitchjvm.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.twitchjvm.core.dispatch.OverflowPolicy;
import io.github.twitchjvm.core.testing.FakeConnection;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.EngineHarness.BITS;
import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a server does that a polite one would not, and bounds a slow handler must not
 * break: messages pushed before a LISTEN is answered (or even sent), frames nothing waits
 * for, and handlers that fall behind under both overflow policies.
 */
class EngineHostileServerTest {

	/** A message of about 1,000 characters: 1,128 bytes as the queue budget counts it. */
	private static final String KILOBYTE = "{\"pad\":\"" + "x".repeat(990) + "\"}";

	@Test
	void aMessagePushedBeforeTheEngineHearsOfTheOpenIsDelivered() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		List<String> received = new ArrayList<>();
		engine.listen(WHISPERS, received);
		FakeConnection connection = engine.transport.last().open();
		// The open waits in the engine's inbox; the server already publishes.
		connection.receive(message(WHISPERS, "early"));
		engine.loop.runPending();

		assertThat(received).containsExactly("early");
		assertThat(engine.client.snapshot().counters().dropped()).isEmpty();
	}

	@Test
	void aMessageForATopicWhoseListenWaitsForItsTokenIsDelivered() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		engine.tokens.hang = true;
		List<String> received = new ArrayList<>();
		engine.listen(WHISPERS, received);
		FakeConnection connection = engine.open();
		assertThat(connection.sent()).as("no LISTEN went out yet").isEmpty();
		engine.publish(connection, WHISPERS, "before the LISTEN");

		assertThat(received).containsExactly("before the LISTEN");
		assertThat(engine.client.snapshot().counters().dropped()).isEmpty();
	}

	@Test
	void aMessageForATopicNobodyWantsIsStillNoSubscriber() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection connection = engine.openAndConfirm(WHISPERS);
		engine.publish(connection, BITS, "{}");

		assertThat(engine.client.snapshot().counters().dropped()).containsEntry("no_subscriber", 1L);
	}

	@Test
	void framesNothingWaitedForAreCountedOnceEach() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection connection = engine.openAndConfirm(WHISPERS);
		engine.serverFrame(connection, "{\"type\":\"PONG\"}");
		engine.serverFrame(connection, "{\"type\":\"RESPONSE\",\"error\":\"\",\"nonce\":\"nobody-asked\"}");
		engine.serverFrame(connection, "{\"type\":\"RESPONSE\",\"error\":\"ERR_SERVER\",\"nonce\":\"\\r\\nforged\"}");

		ClientSnapshot.Counters counters = engine.client.snapshot().counters();
		assertThat(counters.unexpectedFrames()).isEqualTo(3);
		assertThat(counters.badFrames()).isZero();
		assertThat(engine.client.isConnected()).isTrue();
	}

	@Test
	void anInventedErrorCodeCannotForgeLogLinesNorGrowTheCounters() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		CompletableFuture<UUID> listen = engine.listen(WHISPERS);
		FakeConnection connection = engine.open();
		String nonce = EngineHarness.listenNonce(EngineHarness.frames(connection), WHISPERS);
		engine.answer(connection, nonce, "ERR_X\\r\\n12:00:00 INFO forged line" + "x".repeat(500));

		Throwable failure = EngineHarness.failure(listen);
		assertThat(failure).isInstanceOf(ListenFailedException.class);
		assertThat(failure.getMessage()).doesNotContain("\r", "\n").contains("ERR_X\\r\\n12:00").hasSizeLessThan(300);
		assertThat(engine.client.snapshot().counters().listenResults()).containsOnlyKeys("other");
	}

	@Test
	void aServerAnsweringTimeoutIsNotCountedAsAClientTimeout() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		CompletableFuture<UUID> listen = engine.listen(WHISPERS);
		FakeConnection connection = engine.open();
		engine.answer(connection, EngineHarness.listenNonce(EngineHarness.frames(connection), WHISPERS), "timeout");

		assertThat(EngineHarness.failure(listen)).isInstanceOf(ListenFailedException.class);
		assertThat(engine.client.snapshot().counters().listenResults()).containsOnlyKeys("other");
	}

	@Test
	void dropOldestKeepsTheQueuedBytesWithinTheSubscriptionsBound() {
		ConcurrentLinkedQueue<Runnable> handlerTasks = new ConcurrentLinkedQueue<>();
		EngineHarness engine = new EngineHarness((builder) -> builder.dispatchExecutor(handlerTasks::add)
			.maxMessageSize(8192)
			.maxQueuedBytesPerSubscription(10 * 1128));
		engine.start();
		List<String> received = new ArrayList<>();
		engine.listen(WHISPERS, received);
		FakeConnection connection = engine.openAndConfirm(WHISPERS);
		for (int i = 0; i < 25; i++) {
			engine.publish(connection, WHISPERS, KILOBYTE);
		}

		ClientSnapshot snapshot = engine.client.snapshot();
		assertThat(snapshot.queuedBytes()).isEqualTo(10 * 1128);
		assertThat(snapshot.counters().dropped()).containsEntry("queue_full", 15L);
		assertThat(connection.readingPaused()).isFalse();
		runAll(handlerTasks);
		assertThat(received).hasSize(10);
		assertThat(engine.client.snapshot().queuedBytes()).isZero();
	}

	@Test
	void pauseReadingKeepsEveryMessageAndReadsAgainOnceHandlersCatchUp() {
		ConcurrentLinkedQueue<Runnable> handlerTasks = new ConcurrentLinkedQueue<>();
		EngineHarness engine = new EngineHarness((builder) -> builder.dispatchExecutor(handlerTasks::add)
			.maxMessageSize(8192)
			.maxQueuedBytesPerSubscription(10 * 1128)
			.overflow(OverflowPolicy.PAUSE_READING));
		engine.start();
		List<String> received = new ArrayList<>();
		engine.listen(WHISPERS, received);
		FakeConnection connection = engine.openAndConfirm(WHISPERS);
		for (int i = 0; i < 10; i++) {
			engine.publish(connection, WHISPERS, KILOBYTE);
		}
		assertThat(connection.readingPaused()).isFalse();
		// What a transport still hands over after the pause is kept too.
		for (int i = 0; i < 5; i++) {
			engine.publish(connection, WHISPERS, KILOBYTE);
		}
		assertThat(connection.readingPaused()).isTrue();
		assertThat(engine.client.snapshot().readingPaused()).isTrue();

		runAll(handlerTasks);
		assertThat(received).hasSize(15);
		// Resumed on the engine's loop, never on the drain's thread.
		assertThat(connection.readingPaused()).isTrue();
		engine.loop.runPending();
		assertThat(connection.readingPaused()).isFalse();
		ClientSnapshot snapshot = engine.client.snapshot();
		assertThat(snapshot.counters().dropped()).isEmpty();
		assertThat(snapshot.counters().readingPauses()).isEqualTo(1);
		assertThat(snapshot.readingPaused()).isFalse();
	}

	@Test
	void aSocketOpenedWhileReadingIsPausedStartsPaused() {
		ConcurrentLinkedQueue<Runnable> handlerTasks = new ConcurrentLinkedQueue<>();
		EngineHarness engine = new EngineHarness((builder) -> builder.dispatchExecutor(handlerTasks::add)
			.maxMessageSize(8192)
			.maxQueuedBytesPerSubscription(10 * 1128)
			.topicsPerConnection(1)
			.overflow(OverflowPolicy.PAUSE_READING));
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection first = engine.openAndConfirm(WHISPERS);
		for (int i = 0; i < 11; i++) {
			engine.publish(first, WHISPERS, KILOBYTE);
		}
		assertThat(first.readingPaused()).isTrue();
		engine.listen(BITS);
		FakeConnection second = engine.open();

		assertThat(second.readingPaused()).isTrue();
		runAll(handlerTasks);
		engine.loop.runPending();
		assertThat(first.readingPaused()).isFalse();
		assertThat(second.readingPaused()).isFalse();
	}

	@Test
	void whileReadingIsPausedNeitherAMissingPongNorAnUnansweredListenEndsAnything() {
		ConcurrentLinkedQueue<Runnable> handlerTasks = new ConcurrentLinkedQueue<>();
		EngineHarness engine = new EngineHarness((builder) -> builder.dispatchExecutor(handlerTasks::add)
			.maxMessageSize(8192)
			.maxQueuedBytesPerSubscription(10 * 1128)
			.overflow(OverflowPolicy.PAUSE_READING));
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection connection = engine.openAndConfirm(WHISPERS);
		for (int i = 0; i < 11; i++) {
			engine.publish(connection, WHISPERS, KILOBYTE);
		}
		assertThat(connection.readingPaused()).isTrue();
		engine.listen(BITS);
		engine.loop.advance(EngineHarness.PING_FREQUENCY);
		assertThat(connection.sent()).anyMatch((frame) -> frame.contains("PING"));
		engine.loop.advance(EngineHarness.LISTEN_TIMEOUT.multipliedBy(4));

		assertThat(engine.client.isConnected()).as("no PONG read, but none could be").isTrue();
		assertThat(engine.topic(BITS).state()).isEqualTo(TopicState.PENDING);
		assertThat(engine.client.snapshot().counters().reconnects()).isEmpty();
		runAll(handlerTasks);
		engine.loop.runPending();
		assertThat(connection.readingPaused()).isFalse();
		engine.serverFrame(connection, "{\"type\":\"PONG\"}");
		engine.answer(connection, EngineHarness.listenNonce(EngineHarness.frames(connection), BITS), "");
		assertThat(engine.topic(BITS).state()).isEqualTo(TopicState.ACTIVE);
		engine.loop.advance(EngineHarness.LISTEN_TIMEOUT.multipliedBy(2));
		assertThat(engine.client.isConnected()).isTrue();
	}

	private static String message(Topic topic, String text) {
		return "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"" + topic.value() + "\",\"message\":\"" + text + "\"}}";
	}

	private static void runAll(ConcurrentLinkedQueue<Runnable> tasks) {
		Runnable task;
		while ((task = tasks.poll()) != null) {
			task.run();
		}
	}

}
