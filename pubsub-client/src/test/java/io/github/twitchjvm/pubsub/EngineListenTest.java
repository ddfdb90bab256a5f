package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.testing.FakeConnection;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.twitchjvm.pubsub.EngineHarness.BITS;
import static io.github.twitchjvm.pubsub.EngineHarness.INITIAL_BACKOFF;
import static io.github.twitchjvm.pubsub.EngineHarness.LISTEN_TIMEOUT;
import static io.github.twitchjvm.pubsub.EngineHarness.USER;
import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static io.github.twitchjvm.pubsub.EngineHarness.count;
import static io.github.twitchjvm.pubsub.EngineHarness.failure;
import static io.github.twitchjvm.pubsub.EngineHarness.frames;
import static io.github.twitchjvm.pubsub.EngineHarness.listenNonce;
import static io.github.twitchjvm.pubsub.EngineHarness.nonce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LISTEN state machine, driven by hand: every answer the server can give (success,
 * each error, none), token refresh, retries with their delays, scope checks before
 * sending, pacing, shared LISTENs, and the outcome of attempts abandoned by their socket.
 */
class EngineListenTest {

	private final EngineHarness engine = new EngineHarness();

	private FakeConnection startWith(CompletableFuture<?>[] futures, Topic... topics) {
		this.engine.start();
		for (int i = 0; i < topics.length; i++) {
			futures[i] = this.engine.listen(topics[i]);
		}
		return this.engine.open();
	}

	@Test
	void errBadAuthRefreshesTheTokenOnceAndListensAgain() {
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[1];
		FakeConnection socket = startWith(confirmed, WHISPERS);
		this.engine.answer(socket, listenNonce(frames(socket), WHISPERS), "ERR_BADAUTH");
		assertThat(this.engine.tokens.refreshes).hasValue(1);
		List<JsonNode> retry = frames(socket);
		assertThat(retry.get(0).path("data").path("auth_token").asString()).isEqualTo("refreshed-" + USER);
		this.engine.answer(socket, listenNonce(retry, WHISPERS), "");
		assertThat(confirmed[0]).isCompleted();
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
	}

	@Test
	void errBadAuthAfterTheRefreshFailsTheTopic() {
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[1];
		FakeConnection socket = startWith(confirmed, WHISPERS);
		this.engine.answer(socket, listenNonce(frames(socket), WHISPERS), "ERR_BADAUTH");
		this.engine.answer(socket, listenNonce(frames(socket), WHISPERS), "ERR_BADAUTH");
		assertThat(failure(confirmed[0])).isInstanceOf(AuthorizationFailedException.class)
			.hasMessageContaining("refused again after a token refresh");
		assertThat(this.engine.tokens.refreshes).hasValue(1);
		assertThat(this.engine.client.snapshot().topics()).as("no subscription left").isEmpty();
		assertThat(socket.closedByClient()).as("the emptied socket closes").isTrue();
	}

	@Test
	void errServerIsRetriedWithDoublingDelaysThenFails() {
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[1];
		FakeConnection socket = startWith(confirmed, WHISPERS);
		this.engine.answer(socket, listenNonce(frames(socket), WHISPERS), "ERR_SERVER");
		for (int retry = 0; retry < 3; retry++) {
			Duration delay = INITIAL_BACKOFF.multipliedBy(1L << retry);
			this.engine.loop.advance(delay.minusMillis(1));
			assertThat(count(frames(socket), "LISTEN")).as("no retry before %s", delay).isZero();
			this.engine.loop.advance(Duration.ofMillis(1));
			this.engine.answer(socket, listenNonce(frames(socket), WHISPERS), "ERR_SERVER");
		}
		assertThat(failure(confirmed[0])).isInstanceOf(BackendErrorException.class)
			.hasMessageContaining("still failing after 3 retries");
		assertThat(this.engine.client.snapshot().counters().listenResults()).containsEntry("ERR_SERVER", 4L);
	}

	@Test
	void anyOtherErrorFailsAtOnce() {
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[2];
		FakeConnection socket = startWith(confirmed, WHISPERS, BITS);
		List<JsonNode> sent = frames(socket);
		this.engine.answer(socket, listenNonce(sent, WHISPERS), "ERR_BADTOPIC");
		this.engine.answer(socket, listenNonce(sent, BITS), "ERR_NEW_KIND");
		assertThat(failure(confirmed[0])).isInstanceOf(BadTopicException.class);
		assertThat(failure(confirmed[1])).isInstanceOf(ListenFailedException.class)
			.hasMessageContaining("ERR_NEW_KIND");
		assertThat(this.engine.events.lines).contains("listen whispers.44322889 ERR_BADTOPIC 0ms");
	}

	@Test
	void aFirstListenWithoutAnswerFailsTheWaitingCallAndIsUnlistened() {
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[2];
		FakeConnection socket = startWith(confirmed, WHISPERS, BITS);
		this.engine.answer(socket, listenNonce(frames(socket), BITS), "");
		this.engine.loop.advance(LISTEN_TIMEOUT);
		assertThat(failure(confirmed[0])).isInstanceOf(ListenTimeoutException.class);
		List<JsonNode> sent = frames(socket);
		assertThat(nonce(sent, "UNLISTEN", WHISPERS)).as("the server may still register it").isNotEmpty();
		assertThat(this.engine.client.snapshot().counters().listenResults()).containsEntry("timeout", 1L);
	}

	@Test
	void aListenNobodyWaitsForIsRetriedWhenUnanswered() {
		this.engine.listen(WHISPERS);
		this.engine.start();
		FakeConnection socket = this.engine.open();
		frames(socket);
		this.engine.loop.advance(LISTEN_TIMEOUT);
		this.engine.loop.advance(INITIAL_BACKOFF);
		this.engine.answer(socket, listenNonce(frames(socket), WHISPERS), "");
		assertThat(this.engine.topic(WHISPERS).state()).isEqualTo(TopicState.ACTIVE);
	}

	@Test
	void aTokenWithoutTheTopicsScopeFailsBeforeAnythingIsSent() {
		this.engine.tokens.scopes = Set.of("bits:read");
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[2];
		FakeConnection socket = startWith(confirmed, WHISPERS, BITS);
		List<JsonNode> sent = frames(socket);
		assertThat(count(sent, "LISTEN")).isOne();
		assertThat(failure(confirmed[0])).isInstanceOf(MissingScopeException.class)
			.hasMessageContaining("whispers:read");
		this.engine.answer(socket, listenNonce(sent, BITS), "");
		assertThat(confirmed[1]).isCompleted();
	}

	@Test
	void aTokenProviderThatNeverAnswersFailsTheListenInsteadOfHangingIt() {
		this.engine.tokens.hang = true;
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[1];
		FakeConnection socket = startWith(confirmed, WHISPERS);
		this.engine.loop.advance(LISTEN_TIMEOUT.minusMillis(1));
		assertThat(confirmed[0]).isNotDone();
		this.engine.loop.advance(Duration.ofMillis(1));
		assertThat(failure(confirmed[0])).isInstanceOf(TokenUnavailableException.class)
			.hasRootCauseMessage("the token provider did not answer within PT30S");
		assertThat(socket.sent()).isEmpty();

		// The token arriving at last changes nothing.
		this.engine.tokens.pending.complete(io.github.twitchjvm.core.auth.AccessToken.of("late"));
		this.engine.loop.runPending();
		assertThat(socket.sent()).isEmpty();
	}

	@Test
	void listensArePacedASecondsWorthAtOnce() {
		EngineHarness paced = new EngineHarness((builder) -> builder.listensPerSecond(2));
		paced.start();
		for (int i = 0; i < 5; i++) {
			paced.listen(TopicType.WHISPERS.topic(String.valueOf(100 + i)));
		}
		FakeConnection socket = paced.open();
		assertThat(count(frames(socket), "LISTEN")).isEqualTo(2);
		paced.loop.advance(Duration.ofMillis(499));
		assertThat(count(frames(socket), "LISTEN")).isZero();
		paced.loop.advance(Duration.ofMillis(1));
		assertThat(count(frames(socket), "LISTEN")).isOne();
		paced.loop.advance(Duration.ofSeconds(1));
		assertThat(count(frames(socket), "LISTEN")).isEqualTo(2);
	}

	@Test
	void subscriptionsToOneTopicShareOneListenAndTheLastUnlistenSendsUnlisten() {
		this.engine.start();
		List<String> first = new ArrayList<>();
		List<String> second = new ArrayList<>();
		CompletableFuture<UUID> one = this.engine.listen(WHISPERS, first);
		CompletableFuture<UUID> two = this.engine.listen(WHISPERS, second);
		this.engine.listen(BITS);
		FakeConnection socket = this.engine.openAndConfirm(WHISPERS, BITS);
		assertThat(one).isCompleted();
		assertThat(two).isCompleted();
		this.engine.publish(socket, WHISPERS, "both");
		assertThat(first).containsExactly("both");
		assertThat(second).containsExactly("both");

		CompletableFuture<UUID> third = this.engine.listen(WHISPERS);
		assertThat(third).as("an ACTIVE topic confirms at once").isCompleted();
		assertThat(count(frames(socket), "LISTEN")).isZero();

		this.engine.client.unlisten(one.join());
		this.engine.client.unlisten(third.join());
		this.engine.loop.runPending();
		assertThat(count(frames(socket), "UNLISTEN")).isZero();
		this.engine.client.unlisten(two.join());
		this.engine.loop.runPending();
		assertThat(nonce(frames(socket), "UNLISTEN", WHISPERS)).isNotEmpty();
		this.engine.publish(socket, WHISPERS, "nobody");
		assertThat(first).containsExactly("both");
		assertThat(this.engine.client.snapshot().counters().dropped()).containsEntry("no_subscriber", 1L);
	}

	@Test
	void unlistenWhileItsListenIsUnderWayUnlistensItAndIgnoresItsAnswer() {
		this.engine.start();
		List<String> received = new ArrayList<>();
		CompletableFuture<UUID> whispers = this.engine.listen(WHISPERS, received);
		this.engine.listen(BITS);
		FakeConnection first = this.engine.openAndConfirm(WHISPERS, BITS);
		first.drop();
		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(2));
		FakeConnection second = this.engine.open();
		List<JsonNode> relistens = frames(second);

		this.engine.client.unlisten(whispers.join());
		this.engine.loop.runPending();
		assertThat(nonce(frames(second), "UNLISTEN", WHISPERS)).as("the LISTEN may have reached the server")
			.isNotEmpty();
		this.engine.answer(second, listenNonce(relistens, WHISPERS), "");
		this.engine.answer(second, listenNonce(relistens, BITS), "");
		assertThat(this.engine.client.snapshot().topics()).extracting(TopicStatus::topic).containsExactly(BITS);
		this.engine.publish(second, WHISPERS, "unwanted");
		assertThat(received).isEmpty();
	}

	@Test
	void theAnswerToAnAttemptWhoseSocketDiedIsIgnored() {
		CompletableFuture<?>[] confirmed = new CompletableFuture<?>[1];
		FakeConnection first = startWith(confirmed, WHISPERS);
		String stale = listenNonce(frames(first), WHISPERS);
		first.drop();
		this.engine.loop.advance(INITIAL_BACKOFF.multipliedBy(2));
		FakeConnection second = this.engine.open();
		List<JsonNode> sent = frames(second);
		this.engine.answer(second, stale, "ERR_BADTOPIC");
		assertThat(confirmed[0]).as("an unknown nonce changes nothing").isNotDone();
		this.engine.answer(second, listenNonce(sent, WHISPERS), "");
		assertThat(confirmed[0]).isCompleted();
	}

	@Test
	void aListenCallCompletesOnlyAfterTheListenersHeardOfTheTopic() {
		this.engine.start();
		CompletableFuture<UUID> confirmed = this.engine.listen(WHISPERS);
		List<String> seenWhenConfirmed = new ArrayList<>();
		confirmed.thenRun(() -> seenWhenConfirmed.addAll(this.engine.events.lines));
		this.engine.openAndConfirm(WHISPERS);
		assertThat(seenWhenConfirmed).contains("topic whispers.44322889 ACTIVE");
	}

}
