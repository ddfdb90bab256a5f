package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;

/**
 * The users and tokens a standalone server registers when it gets no token file: a
 * broadcaster, a moderator of that channel and a viewer, each with a token carrying every
 * scope of PubSub's topics and of EventSub's types. The tokens are fixed so that
 * documentation and scripts can use them; they work only on this fake server.
 */
final class DemoAccounts {

	static final String BROADCASTER_ID = "100000001";

	static final String MODERATOR_ID = "100000002";

	static final String VIEWER_ID = "100000003";

	private static final List<String> SCOPES = Stream
		.concat(TwitchAccounts.ALL_SCOPES.stream(), FakeEventSub.ALL_SCOPES.stream())
		.distinct()
		.sorted()
		.toList();

	private DemoAccounts() {
	}

	static List<IssuedToken> register(TwitchAccounts accounts) {
		accounts.registerUser(BROADCASTER_ID, "demo_broadcaster");
		accounts.registerUser(MODERATOR_ID, "demo_moderator");
		accounts.registerUser(VIEWER_ID, "demo_viewer");
		Duration year = Duration.ofDays(365);
		return List.of(
				accounts.issueToken(BROADCASTER_ID, SCOPES, year, "demobroadcastertoken0000000000",
						"demobroadcasterrefresh00000000", TwitchAccounts.DEFAULT_CLIENT_ID),
				accounts.issueToken(MODERATOR_ID, SCOPES, year, "demomoderatortoken000000000000",
						"demomoderatorrefresh0000000000", TwitchAccounts.DEFAULT_CLIENT_ID),
				accounts.issueToken(VIEWER_ID, SCOPES, year, "demoviewertoken000000000000000",
						"demoviewerrefresh0000000000000", TwitchAccounts.DEFAULT_CLIENT_ID));
	}

}
