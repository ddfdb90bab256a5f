package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The codec's contract beyond the fixtures: unknown types, malformed input, the envelope,
 * the registry, and immutable records.
 */
class EventSubCodecTest {

	private static final String FRAME = """
			{"metadata":{"message_id":"befa7b53-d79d-478f-86b9-120f112b044e","message_type":"notification",
			 "message_timestamp":"2022-11-16T10:11:12.464757833Z","subscription_type":"channel.cheer","subscription_version":"1"},
			 "payload":{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"enabled","type":"channel.cheer",
			  "version":"1","cost":0,"condition":{"broadcaster_user_id":"1337"},
			  "transport":{"method":"websocket","session_id":"AQoQexAWVYKSTIu4ec_2VAxyuhAB"},
			  "created_at":"2022-11-16T10:11:12.464757833Z"},
			 "event":{"is_anonymous":false,"user_id":"1234","user_login":"cool_user","user_name":"Cool_User",
			  "broadcaster_user_id":"1337","broadcaster_user_login":"cooler_user","broadcaster_user_name":"Cooler_User",
			  "message":"pogchamp","bits":1000}}}
			""";

	private final EventSubCodec codec = EventSubCodec.standard();

	@Test
	void unknownTypeIsUnknownEventWithTheRawJson() {
		String json = "{\"user_id\":\"1\",\"followed_at\":\"2023-01-01T00:00:00Z\"}";
		EventSubEvent event = this.codec.decodeEvent("channel.follow", "2", json);
		assertThat(event).isEqualTo(new UnknownEvent("channel.follow", "2", json));
		assertThat(this.codec.encode(event)).isEqualTo(json);
	}

	@Test
	void unknownVersionOfATypedTypeIsUnknownEvent() {
		assertThat(this.codec.decodeEvent("channel.moderate", "1", "{}")).isInstanceOf(UnknownEvent.class);
		assertThat(this.codec.eventType("channel.moderate", "1")).isEqualTo(UnknownEvent.class);
		assertThat(this.codec.eventType("channel.moderate", "2")).isEqualTo(ChannelModerateEvent.class);
	}

	@Test
	void unknownTypeNeverThrowsEvenForMalformedJson() {
		assertThat(this.codec.decodeEvent("channel.follow", "2", "{not json")).isInstanceOf(UnknownEvent.class);
	}

	@Test
	void malformedJsonOfATypedTypeIsAnEventDecodingException() {
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decodeEvent("channel.cheer", "1", "{\"bits\":"))
			.withMessageStartingWith("Cannot decode channel.cheer@1 event: ")
			.satisfies((ex) -> {
				assertThat(ex.type()).isEqualTo("channel.cheer");
				assertThat(ex.version()).isEqualTo("1");
			});
		for (String notAnObject : List.of("null", "\"text\"", "[1,2]", "{} {}")) {
			assertThatExceptionOfType(EventDecodingException.class)
				.isThrownBy(() -> this.codec.decodeEvent("channel.cheer", "1", notAnObject));
		}
	}

	@Test
	void decodesAWholeNotificationFrame() {
		Notification<EventSubEvent> notification = this.codec.decodeNotification(FRAME);
		assertThat(notification.messageId()).isEqualTo("befa7b53-d79d-478f-86b9-120f112b044e");
		assertThat(notification.messageTimestamp()).isEqualTo(Instant.parse("2022-11-16T10:11:12.464757833Z"));
		assertThat(notification.messageTimestamp().getNano()).isEqualTo(464_757_833);
		assertThat(notification.metadata().messageType()).isEqualTo(MessageMetadata.MessageType.NOTIFICATION);
		assertThat(notification.metadata().subscriptionType()).isEqualTo("channel.cheer");
		SubscriptionInfo subscription = notification.subscription();
		assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ENABLED);
		assertThat(subscription.condition()).isEqualTo(Map.of("broadcaster_user_id", "1337"));
		assertThat(subscription.transport().sessionId()).isEqualTo("AQoQexAWVYKSTIu4ec_2VAxyuhAB");
		assertThat(subscription.createdAt().getNano()).isEqualTo(464_757_833);
		assertThat(notification.event()).isInstanceOf(ChannelCheerEvent.class);
		assertThat(this.codec.decodeEvent("channel.cheer", "1", notification.raw())).isEqualTo(notification.event());
	}

	@Test
	void notificationFramesRoundTrip() {
		Notification<EventSubEvent> notification = this.codec.decodeNotification(FRAME);
		Notification<EventSubEvent> again = this.codec.decodeNotification(this.codec.encodeNotification(notification));
		assertThat(again.metadata()).isEqualTo(notification.metadata());
		assertThat(again.subscription()).isEqualTo(notification.subscription());
		assertThat(again.event()).isEqualTo(notification.event());
	}

	@Test
	void frameWithoutEventIsAnEventDecodingException() {
		String revocation = FRAME.replaceAll("(?s),\\s*\"event\":\\{.*\\}\\}\\}", "}}");
		assertThatExceptionOfType(EventDecodingException.class)
			.isThrownBy(() -> this.codec.decodeNotification(revocation))
			.withMessageContaining("payload.event");
	}

	@Test
	void encodesEnumsTiersAndUsersAsTwitchDoes() {
		String json = this.codec.encode(new ChannelSubscribeEvent(new User("1", "a", "A"), new User("2", "b", "B"),
				SubscriptionTier.TIER_3, true));
		assertThat(json).isEqualTo("{\"user_id\":\"1\",\"user_login\":\"a\",\"user_name\":\"A\","
				+ "\"broadcaster_user_id\":\"2\",\"broadcaster_user_login\":\"b\",\"broadcaster_user_name\":\"B\","
				+ "\"tier\":\"3000\",\"is_gift\":true}");
		String moderate = this.codec.encode(new ChannelModerateEvent(new User("1", "a", "A"), null,
				new User("2", "b", "B"), ChannelModerateEvent.Action.ADD_BLOCKED_TERM, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
		assertThat(moderate).contains("\"action\":\"add_blocked_term\"");
	}

	@Test
	void encodesNanosecondTimestamps() {
		Instant at = Instant.parse("2023-07-19T14:56:51.634234626Z");
		String json = this.codec.encode(new CustomRewardRedemptionAddEvent("r", new User("1", "a", "A"),
				new User("2", "b", "B"), null, RedemptionStatus.UNFULFILLED, new CustomReward("w", "t", 1, "p"), at));
		assertThat(json).contains("\"redeemed_at\":\"2023-07-19T14:56:51.634234626Z\"").contains("\"user_input\":\"\"");
	}

	@Test
	void recordsCopyTheirLists() {
		List<MessageFragment> fragments = new ArrayList<>();
		fragments.add(new MessageFragment(MessageFragment.Type.TEXT, "hi", null, null, null));
		ChatMessage message = new ChatMessage("hi", fragments);
		fragments.clear();
		assertThat(message.fragments()).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(
				() -> message.fragments().add(new MessageFragment(MessageFragment.Type.TEXT, "x", null, null, null)));
		SuspiciousUserMessageEvent decoded = (SuspiciousUserMessageEvent) this.codec
			.decodeEvent("channel.suspicious_user.message", "1", Fixtures.read("channel.suspicious_user.message.json"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> decoded.sharedBanChannelIds().add("300"));
	}

	@Test
	void recordsBuiltInCodeAreStrict() {
		assertThatNullPointerException().isThrownBy(() -> new User(null, "a", "A"));
		assertThatNullPointerException().isThrownBy(() -> new ChannelCheerEvent(false, null, null, "m", 1));
	}

	@Test
	void registryHasEveryTypeWithItsConditionsAndScopes() {
		assertThat(EventSubTypes.all()).hasSize(17);
		assertThat(EventSubTypes.all()).extracting(EventSubType::eventClass).doesNotHaveDuplicates();
		EventSubType moderate = EventSubTypes.find("channel.moderate", "2").orElseThrow();
		assertThat(moderate.conditionKeys()).containsExactly("broadcaster_user_id", "moderator_user_id");
		assertThat(moderate.pubSubTopics()).containsExactly("chat_moderator_actions");
		assertThat(moderate.requiredScopes()).hasSize(8);
		Set<String> allButWarnings = Set.of("moderator:read:blocked_terms", "moderator:manage:chat_settings",
				"moderator:read:unban_requests", "moderator:read:banned_users", "moderator:read:chat_messages",
				"moderator:read:moderators", "moderator:read:vips");
		assertThat(moderate.isAuthorizedBy(allButWarnings)).isFalse();
		assertThat(moderate.isAuthorizedBy(union(allButWarnings, "moderator:manage:warnings"))).isTrue();
		assertThat(EventSubTypes.find("channel.moderate", "1")).isEmpty();
		assertThat(EventSubTypes.of(ChannelCheerEvent.class)).contains(EventSubTypes.CHANNEL_CHEER);
		assertThat(EventSubTypes.CUSTOM_REWARD_REDEMPTION_ADD.optionalConditionKeys()).containsExactly("reward_id");
		assertThat(EventSubTypes.USER_WHISPER_MESSAGE.isAuthorizedBy(Set.of("user:manage:whispers"))).isTrue();
	}

	private static Set<String> union(Set<String> set, String element) {
		Set<String> union = new java.util.HashSet<>(set);
		union.add(element);
		return union;
	}

}
