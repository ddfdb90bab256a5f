package io.github.twitchjvm.pubsub.test;

import java.util.List;

import static org.awaitility.Awaitility.await;

/** Users and tokens most server tests share. */
final class FakeTwitchFixture {

	static final String BROADCASTER = "44322889";

	static final String MODERATOR = "12826";

	final IssuedToken broadcasterToken;

	final IssuedToken moderatorToken;

	/**
	 * Registers the users and waits until the connections of an earlier test are gone, so
	 * that counts and connection lists see only this test's.
	 */
	static FakeTwitchFixture prepare(FakeTwitchServer server) {
		FakeTwitchFixture fixture = new FakeTwitchFixture(server);
		await().until(() -> server.connections().isEmpty());
		return fixture;
	}

	FakeTwitchFixture(FakeTwitchServer server) {
		server.accounts().registerUser(BROADCASTER, "dallas");
		server.accounts().registerUser(MODERATOR, "twitch_mod");
		this.broadcasterToken = server.accounts().issueToken(BROADCASTER, TwitchAccounts.ALL_SCOPES);
		this.moderatorToken = server.accounts().issueToken(MODERATOR, List.of("channel:moderate"));
	}

}
