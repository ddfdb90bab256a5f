package io.github.twitchjvm.pubsub.it;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.pubsub.AuthorizationFailedException;
import io.github.twitchjvm.pubsub.BackendErrorException;
import io.github.twitchjvm.pubsub.BadTopicException;
import io.github.twitchjvm.pubsub.ConnectionLimitException;
import io.github.twitchjvm.pubsub.ListenTimeoutException;
import io.github.twitchjvm.pubsub.MissingScopeException;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubClientBuilder;
import io.github.twitchjvm.pubsub.TokenUnavailableException;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every way a LISTEN fails, as an exception that names the topic and the code, never the
 * token.
 */
@FakeTwitch
class ListenErrorsTest {

	private TwitchSetup setup;

	private FakeTwitchServer server;

	private PubSubClient client;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.setup = new TwitchSetup(server);
	}

	@AfterEach
	void tearDown() {
		if (this.client != null && this.client.isRunning()) {
			this.client.stop();
		}
	}

	private PubSubClient start(PubSubClientBuilder builder) {
		this.client = builder.build();
		this.client.start();
		return this.client;
	}

	@Test
	void aKnownMissingScopeFailsWithoutSendingAnything() {
		start(this.setup.client()
			.tokenProvider(StaticTokenProvider.of(TwitchSetup.withScopes(this.setup.broadcasterToken, "bits:read"))));
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.client.listenWhispers(BROADCASTER, new Received<>()))
			.withMessage("The token for whispers." + BROADCASTER + " lacks the scope whispers:read the topic needs")
			.satisfies((ex) -> assertThat(ex.scope()).isEqualTo("whispers:read"));
		assertThat(this.server.receivedFrames()).noneMatch((frame) -> frame.text().contains("LISTEN"));
		assertThat(this.client.snapshot().topics()).isEmpty();
	}

	@Test
	void badAuthIsRetriedOnceWithARefreshedToken() {
		AtomicInteger refreshes = new AtomicInteger();
		TwitchTokenProvider refreshing = new TwitchTokenProvider() {
			@Override
			public CompletionStage<AccessToken> token(String userId) {
				return CompletableFuture.completedFuture(AccessToken.of("expiredtoken0000000000000000000"));
			}

			@Override
			public CompletionStage<AccessToken> refresh(String userId, AccessToken rejected) {
				refreshes.incrementAndGet();
				return CompletableFuture
					.completedFuture(AccessToken.of(ListenErrorsTest.this.setup.broadcasterToken.accessToken()));
			}
		};
		start(this.setup.client().tokenProvider(refreshing));
		assertThat(this.client.listenWhispers(BROADCASTER, new Received<>())).isNotNull();
		assertThat(refreshes).hasValue(1);
		assertThat(this.client.snapshot().counters().listenResults()).containsEntry("ERR_BADAUTH", 1L)
			.containsEntry("", 1L);
	}

	@Test
	void badAuthAfterTheRefreshFailsForGood() {
		start(this.setup.client().accessToken("revokedtoken0000000000000000000"));
		assertThatExceptionOfType(AuthorizationFailedException.class)
			.isThrownBy(() -> this.client.listenWhispers(BROADCASTER, new Received<>()))
			.withMessageContaining("whispers." + BROADCASTER)
			.withMessageContaining("ERR_BADAUTH")
			.withMessageNotContaining("revokedtoken")
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("ERR_BADAUTH"));
		assertThat(this.client.snapshot().topics()).isEmpty();
	}

	@Test
	void serverErrorsAreRetriedThenSucceed() {
		this.server.faults().failNextListens(2, "ERR_SERVER");
		start(this.setup.client());
		assertThat(this.client.listenWhispers(BROADCASTER, new Received<>())).isNotNull();
		assertThat(this.client.snapshot().counters().listenResults()).containsEntry("ERR_SERVER", 2L)
			.containsEntry("", 1L);
	}

	@Test
	void serverErrorsBeyondTheRetriesFail() {
		this.server.faults().failNextListens(10, "ERR_SERVER");
		start(this.setup.client().serverErrorRetries(2));
		assertThatExceptionOfType(BackendErrorException.class)
			.isThrownBy(() -> this.client.listenWhispers(BROADCASTER, new Received<>()))
			.withMessageContaining("ERR_SERVER")
			.withMessageContaining("2 retries");
	}

	@Test
	void noResponseInTimeIsAListenTimeout() {
		this.server.faults().withholdResponses(true);
		start(this.setup.client().listenConfirmTimeout(java.time.Duration.ofMillis(300)));
		assertThatExceptionOfType(ListenTimeoutException.class)
			.isThrownBy(() -> this.client.listenWhispers(BROADCASTER, new Received<>()))
			.withMessage("No RESPONSE to the LISTEN for whispers." + BROADCASTER + " within PT0.3S");
		assertThat(this.client.snapshot().counters().listenResults()).containsEntry("timeout", 1L);
	}

	@Test
	void aTopicTheServerDoesNotKnowIsABadTopic() {
		start(this.setup.client().tokenProvider(StaticTokenProvider.of(this.setup.broadcasterToken.accessToken())));
		assertThatExceptionOfType(BadTopicException.class)
			.isThrownBy(
					() -> this.client.listenUndocumentedTopic("video-playback-by-id." + BROADCASTER, new Received<>()))
			.withMessageContaining("ERR_BADTOPIC");
	}

	@Test
	void tooManyTopicsForTheConnectionLimitFail() {
		Map<String, AccessToken> tokens = this.setup.channels(3, 9000, "bits:read");
		start(this.setup.client()
			.tokenProvider(StaticTokenProvider.forUsers(tokens))
			.topicsPerConnection(1)
			.maxConnections(2));
		this.client.listenBits("9000", new Received<>());
		this.client.listenBits("9001", new Received<>());
		assertThatExceptionOfType(ConnectionLimitException.class)
			.isThrownBy(() -> this.client.listenBits("9002", new Received<>()))
			.withMessageContaining("2 connections of 1 topics are full");
		assertThat(this.server.connections()).hasSize(2);
	}

	@Test
	void aMissingTokenFailsWithoutSendingAnything() {
		start(this.setup.client().tokenProvider(StaticTokenProvider.forUsers(Map.of())));
		assertThatExceptionOfType(TokenUnavailableException.class)
			.isThrownBy(() -> this.client.listenWhispers(BROADCASTER, new Received<>()))
			.withMessage("The token provider has no token for user " + BROADCASTER + ", needed for whispers."
					+ BROADCASTER + " (IllegalStateException)");
		assertThat(this.server.receivedFrames()).noneMatch((frame) -> frame.text().contains("LISTEN"));
	}

}
