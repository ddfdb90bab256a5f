package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The route of every family, and what PayloadMigration says about its payload types. */
class TopicRouteTest {

	private static final Map<String, String> CHANNEL = Map.of("broadcaster_user_id", "1337");

	private static final Map<String, String> MODERATED = Map.of("broadcaster_user_id", "1337", "moderator_user_id",
			"42");

	private static final Map<String, String> OWN = Map.of("broadcaster_user_id", "1337", "user_id", "42");

	@Test
	void everyFamilyRidesOnTheTypesThatReplaceIt() {
		assertThat(rides("whispers.42")).containsExactly(ride("user.whisper.message", "1", Map.of("user_id", "42")));
		assertThat(rides("channel-bits-events-v1.1337")).containsExactly(ride("channel.cheer", "1", CHANNEL));
		assertThat(rides("channel-bits-events-v2.1337")).containsExactly(ride("channel.cheer", "1", CHANNEL));
		assertThat(rides("channel-bits-badge-unlocks.1337")).containsExactly(
				ride("channel.chat.notification", "1", Map.of("broadcaster_user_id", "1337", "user_id", "1337")));
		assertThat(rides("channel-points-channel-v1.1337")).containsExactly(
				ride("channel.channel_points_custom_reward_redemption.add", "1", CHANNEL),
				ride("channel.channel_points_custom_reward_redemption.update", "1", CHANNEL));
		assertThat(rides("channel-subscribe-events-v1.1337")).containsExactly(ride("channel.subscribe", "1", CHANNEL),
				ride("channel.subscription.message", "1", CHANNEL));
		assertThat(rides("chat_moderator_actions.42.1337")).containsExactly(ride("channel.moderate", "2", MODERATED));
		assertThat(rides("automod-queue.42.1337")).containsExactly(ride("automod.message.hold", "2", MODERATED),
				ride("automod.message.update", "2", MODERATED));
		assertThat(rides("user-moderation-notifications.42.1337")).containsExactly(
				ride("channel.chat.user_message_hold", "1", OWN), ride("channel.chat.user_message_update", "1", OWN));
		assertThat(rides("low-trust-users.42.1337")).containsExactly(
				ride("channel.suspicious_user.message", "1", MODERATED),
				ride("channel.suspicious_user.update", "1", MODERATED));
	}

	@Test
	void everyRideIsATypeTheFakeServerKnows() {
		for (TopicType family : TopicType.values()) {
			String ids = (family.idCount() == 1) ? ".1" : ".1.2";
			assertThat(rides(family.prefix() + ids))
				.allSatisfy((ride) -> assertThat(FakeEventSub.types()).contains(ride.type()));
		}
	}

	@Test
	void anUndocumentedTopicHasNoRouteAndSaysWhatToUseInstead() {
		assertThatExceptionOfType(UnsupportedTopicException.class)
			.isThrownBy(() -> TopicRoute.of(Topic.undocumented("video-playback-by-id.1337")))
			.withMessageContaining("video-playback-by-id.1337")
			.withMessageContaining("@TwitchEvent")
			.satisfies((ex) -> assertThat(ex.topic()).isEqualTo("video-playback-by-id.1337"));
	}

	@Test
	void aRouteListsTheAbsentFieldsOfItsFamilyByVariant() {
		assertThat(TopicRoute.of(Topic.parse("channel-bits-events-v2.1337")).absentFields())
			.containsExactly("Cheer.totalBitsUsed", "Cheer.badgeEntitlement", "Cheer.badgeTierEntitlement");
		assertThat(TopicRoute.of(Topic.parse("channel-bits-badge-unlocks.1337")).absentFields()).isEmpty();
		assertThat(PayloadMigration.absentFields(TopicType.BITS_V1, BitsEvent.Cheer.class))
			.containsExactly("totalBitsUsed", "badgeEntitlement", "badgeTierEntitlement");
		assertThat(PayloadMigration.absentFields(TopicType.WHISPERS, WhisperEvent.ThreadUpdate.class)).isEmpty();
	}

	@Test
	void aVariantWithoutAnEventSubSourceIsUnsupportedWithAdvice() {
		assertThat(PayloadMigration.unsupported(TopicType.WHISPERS, WhisperEvent.ThreadUpdate.class))
			.hasValueSatisfying((advice) -> assertThat(advice).contains("whisper thread updates")
				.contains("@TwitchEvent(\"user.whisper.message\")"));
		assertThat(PayloadMigration.unsupported(TopicType.CHANNEL_POINTS, ChannelPointsEvent.CustomRewardCreated.class))
			.hasValueSatisfying((advice) -> assertThat(advice).contains("channel.channel_points_custom_reward.add @1"));
		assertThat(PayloadMigration.unsupported(TopicType.CHANNEL_SUBSCRIPTIONS, SubscriptionEvent.AnonSubGift.class))
			.hasValueSatisfying((advice) -> assertThat(advice).contains("channel.subscription.gift @1"));
		assertThat(PayloadMigration.unsupported(TopicType.BITS_V2, BitsEvent.Unknown.class))
			.hasValueSatisfying((advice) -> assertThat(advice).startsWith("BitsEvent.Unknown never arrives"));
	}

	@Test
	void theFamilysOwnTypeAndItsConvertingVariantsAreSupported() {
		for (TopicType family : TopicType.values()) {
			Class<? extends PubSubPayload> familyType = PayloadCodec.payloadType(family);
			assertThat(PayloadMigration.unsupported(family, familyType)).as(family.name()).isEmpty();
			Conversions.of(family)
				.absentFields()
				.keySet()
				.forEach((variant) -> assertThat(PayloadMigration.unsupported(family, variant)).as(variant.getName())
					.isEmpty());
		}
	}

	@Test
	void everyVariantOfEveryFamilyIsEitherConvertedOrExplained() {
		for (TopicType family : TopicType.values()) {
			Class<? extends PubSubPayload> familyType = PayloadCodec.payloadType(family);
			Class<?>[] variants = familyType.isSealed() ? familyType.getPermittedSubclasses()
					: new Class<?>[] { familyType };
			FamilyConversion conversion = Conversions.of(family);
			for (Class<?> variant : variants) {
				boolean converted = conversion.absentFields().containsKey(variant);
				boolean explained = PayloadMigration.unsupported(family, variant.asSubclass(PubSubPayload.class))
					.isPresent();
				assertThat(converted ^ explained).as("%s converted xor explained", variant.getName()).isTrue();
			}
		}
	}

	@Test
	void aTypeOfAnotherFamilyIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PayloadMigration.unsupported(TopicType.WHISPERS, BitsEvent.Cheer.class))
			.withMessageContaining("whispers");
	}

	private static List<EventSubRide> rides(String topic) {
		return TopicRoute.of(Topic.parse(topic)).rides();
	}

	private static EventSubRide ride(String type, String version, Map<String, String> condition) {
		return new EventSubRide(type, version, condition);
	}

}
