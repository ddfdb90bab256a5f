package io.github.twitchjvm.eventsub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.github.twitchjvm.eventsub.event.EventSubType;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import io.github.twitchjvm.eventsub.event.WhisperReceivedEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** Every typed EventSub type, subscribed and received end to end as its record. */
class TypedSubscriptionsTest {

	private static final String USER = "424242";

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension();

	private EventSubClient client;

	private FakeEventSub fake;

	@BeforeEach
	void start() {
		FakeTwitchServer server = twitch.server();
		this.fake = server.eventSub();
		server.accounts().registerUser(USER, "everyone");
		IssuedToken token = server.accounts().issueToken(USER, FakeEventSub.ALL_SCOPES);
		this.client = EventSubClient.builder()
			.uri(server.eventSubUri())
			.helixUri(server.helixUri())
			.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
			.tokenProvider(StaticTokenProvider.of(token.accessToken()))
			.build();
		this.client.start();
	}

	@AfterEach
	void stop() {
		this.client.stop();
	}

	static List<EventSubType> types() {
		return EventSubTypes.all();
	}

	@ParameterizedTest
	@MethodSource("types")
	void receivesEveryTypedTypeAsItsRecord(EventSubType type) {
		Map<String, String> condition = new LinkedHashMap<>();
		type.conditionKeys().forEach((key) -> condition.put(key, USER));
		List<EventSubEvent> events = new CopyOnWriteArrayList<>();
		EventSubSubscription subscription = this.client.subscribe(type.eventClass(), condition,
				(event, notification) -> events.add(event));
		assertThat(subscription.type()).isEqualTo(type.name());
		assertThat(subscription.version()).isEqualTo(type.version());
		this.fake.publish(subscription.twitchId(), fixture(type.name()));
		await().until(() -> events.size() == 1);
		assertThat(events.get(0)).isInstanceOf(type.eventClass());
	}

	@Test
	void theConvenienceMethodsSubscribeWithTheirTypesCondition() {
		List<ChannelCheerEvent> cheers = new CopyOnWriteArrayList<>();
		EventSubSubscription subscription = this.client.onCheer(USER, (event, notification) -> cheers.add(event));
		assertThat(subscription.condition()).isEqualTo(Map.of("broadcaster_user_id", USER));
		this.fake.publish(subscription.twitchId(), fixture("channel.cheer"));
		await().until(() -> cheers.size() == 1);
		assertThat(cheers.get(0).bits()).isPositive();
		List<WhisperReceivedEvent> whispers = new CopyOnWriteArrayList<>();
		EventSubSubscription whisper = this.client.onWhisper(USER, (event, notification) -> whispers.add(event));
		this.fake.publish(whisper.twitchId(), fixture("user.whisper.message"));
		await().until(() -> whispers.size() == 1);
		assertThat(whispers.get(0).whisper().text()).isNotEmpty();
	}

	@Test
	void refusesAConditionThatDoesNotFitTheTypeBeforeSendingIt() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.client.subscribe(ChannelCheerEvent.class, Map.of("user_id", USER), (event, notification) -> {
				}))
			.withMessageContaining("channel.cheer@1 takes the condition [broadcaster_user_id]");
		assertThat(this.fake.subscriptions()).isEmpty();
	}

	private static String fixture(String type) {
		try (InputStream in = TypedSubscriptionsTest.class
			.getResourceAsStream("/fixtures/eventsub/" + type + ".json")) {
			if (in == null) {
				throw new IllegalStateException("No fixture for " + type);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
