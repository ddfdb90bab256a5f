package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubClientBuilder;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;

import static org.awaitility.Awaitility.await;

/**
 * Users and tokens on the fake server, and clients pointed at it with timings short
 * enough for tests.
 */
final class TwitchSetup {

	static final String BROADCASTER = "44322889";

	static final String MODERATOR = "12826";

	final FakeTwitchServer server;

	final IssuedToken broadcasterToken;

	final IssuedToken moderatorToken;

	TwitchSetup(FakeTwitchServer server) {
		this.server = server;
		server.accounts().registerUser(BROADCASTER, "dallas");
		server.accounts().registerUser(MODERATOR, "twitch_mod");
		this.broadcasterToken = server.accounts().issueToken(BROADCASTER, TwitchAccounts.ALL_SCOPES);
		this.moderatorToken = server.accounts().issueToken(MODERATOR, TwitchAccounts.ALL_SCOPES);
		// Sockets of the previous test close asynchronously; counts must see only this
		// test's.
		await().until(() -> server.connections().isEmpty());
	}

	StaticTokenProvider tokens() {
		return StaticTokenProvider.forUsers(Map.of(BROADCASTER, AccessToken.of(this.broadcasterToken.accessToken()),
				MODERATOR, AccessToken.of(this.moderatorToken.accessToken())));
	}

	/** A builder for a client of this server, with short timeouts and backoff. */
	PubSubClientBuilder client() {
		return PubSubClient.builder()
			.uri(this.server.pubSubUri())
			.tokenProvider(tokens())
			.listenConfirmTimeout(Duration.ofSeconds(2))
			.reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
			.handoverSettle(Duration.ofMillis(200))
			.listensPerSecond(1000);
	}

	static AccessToken withScopes(IssuedToken token, String... scopes) {
		return AccessToken.of(token.accessToken(), Set.of(scopes));
	}

	/**
	 * Registers {@code count} channels with ids from {@code firstId}, each with a token
	 * carrying {@code scope}.
	 * @return the tokens by channel id, in id order
	 */
	Map<String, AccessToken> channels(int count, int firstId, String scope) {
		Map<String, AccessToken> tokens = new java.util.LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			String channel = String.valueOf(firstId + i);
			this.server.accounts().registerUser(channel, "channel" + channel);
			tokens.put(channel,
					AccessToken.of(this.server.accounts().issueToken(channel, List.of(scope)).accessToken()));
		}
		return tokens;
	}

	/** The live threads the client (and Tomcat's WebSocket client under it) started. */
	static Set<String> clientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("pubsub-") || name.startsWith("WebSocketClient-"))
			.collect(java.util.stream.Collectors.toSet());
	}

	static List<String> topicsOf(FakeTwitchServer server) {
		return server.connections().stream().flatMap((connection) -> connection.topics().stream()).sorted().toList();
	}

}
