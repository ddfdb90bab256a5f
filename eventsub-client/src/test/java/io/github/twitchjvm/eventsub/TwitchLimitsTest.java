package io.github.twitchjvm.eventsub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSettings;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Twitch's real numbers for one user token: 900 subscriptions spread over 3 sessions of
 * 300, and the 901st refused by the client before anything is sent.
 */
class TwitchLimitsTest {

	private static final String BROADCASTER = "4711";

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(
			FakeServerSettings.builder().eventSub(EventSubSettings.builder().helixRateLimit(100_000).build()).build());

	@Test
	void spreadsNineHundredSubscriptionsOverThreeSessionsAndRefusesTheNext() throws Exception {
		FakeTwitchServer server = twitch.server();
		server.accounts().registerUser(BROADCASTER, "limits");
		String token = server.accounts().issueToken(BROADCASTER, FakeEventSub.ALL_SCOPES).accessToken();
		EventSubClient client = EventSubClient.builder()
			.uri(server.eventSubUri())
			.helixUri(server.helixUri())
			.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
			.tokenProvider(StaticTokenProvider.of(token))
			.subscriptionsPerSecond(2_000)
			.build();
		client.start();
		try {
			List<CompletableFuture<EventSubSubscription>> accepted = new ArrayList<>();
			for (int i = 0; i < 900; i++) {
				accepted.add(client.subscribeAsync("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", BROADCASTER, "reward_id", "reward-" + i),
						(subscription, notification) -> {
						}));
			}
			CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
			Map<String, Integer> perSession = new HashMap<>();
			server.eventSub()
				.subscriptions()
				.stream()
				.filter((subscription) -> subscription.status().equals("enabled"))
				.forEach((subscription) -> perSession.merge(subscription.sessionId(), 1, Integer::sum));
			assertThat(perSession).hasSize(3).allSatisfy((session, count) -> assertThat(count).isEqualTo(300));
			assertThatExceptionOfType(SubscriptionLimitException.class)
				.isThrownBy(() -> client.subscribe("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", BROADCASTER, "reward_id", "one-too-many"),
						(subscription, notification) -> {
						}))
				.withMessageContaining("3 sessions of 300");
			assertThat(server.eventSub().subscriptions()).hasSize(900);
		}
		finally {
			client.stop();
		}
	}

}
