package io.github.twitchjvm.bridge;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.github.twitchjvm.pubsub.topic.TopicType;

/** The conversion of every documented family, built once. */
final class Conversions {

	private static final Map<TopicType, FamilyConversion> BY_FAMILY = byFamily();

	private Conversions() {
	}

	private static Map<TopicType, FamilyConversion> byFamily() {
		Map<TopicType, FamilyConversion> conversions = new EnumMap<>(TopicType.class);
		conversions.put(TopicType.WHISPERS, new WhisperConversion());
		conversions.put(TopicType.BITS_V1, new BitsConversion(false));
		conversions.put(TopicType.BITS_V2, new BitsConversion(true));
		conversions.put(TopicType.BITS_BADGE_UNLOCKS, new BitsBadgeConversion());
		conversions.put(TopicType.CHANNEL_POINTS, new ChannelPointsConversion());
		conversions.put(TopicType.CHANNEL_SUBSCRIPTIONS, new SubscriptionConversion());
		conversions.put(TopicType.CHAT_MODERATOR_ACTIONS, new ModeratorActionConversion());
		conversions.put(TopicType.AUTOMOD_QUEUE, new AutomodQueueConversion());
		conversions.put(TopicType.USER_MODERATION_NOTIFICATIONS, new UserModerationConversion());
		conversions.put(TopicType.LOW_TRUST_USERS, new LowTrustUserConversion());
		return conversions;
	}

	/**
	 * The conversion of a family.
	 * @throws UnsupportedTopicException for a family without one (every documented family
	 * has one today)
	 */
	static FamilyConversion of(TopicType family) {
		FamilyConversion conversion = BY_FAMILY.get(Objects.requireNonNull(family, "family"));
		if (conversion == null) {
			throw new UnsupportedTopicException(family.expectedForm(),
					"The PubSub family " + family.prefix() + " has no faithful EventSub route");
		}
		return conversion;
	}

}
