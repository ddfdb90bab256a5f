package io.github.twitchjvm.eventsub.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The registry of the typed subscription types: every EventSub type that replaces a
 * PubSub topic family (Twitch's subscription-type reference, as summarised in
 * {@code docs/eventsub.md}), with its condition keys, scopes and event record.
 */
public final class EventSubTypes {

	private static final String BROADCASTER = "broadcaster_user_id";

	private static final String MODERATOR = "moderator_user_id";

	private static final String USER = "user_id";

	/** {@code user.whisper.message} version 1. */
	public static final EventSubType USER_WHISPER_MESSAGE = new EventSubType("user.whisper.message", "1",
			WhisperReceivedEvent.class, List.of(USER), List.of(),
			List.of(Set.of("user:read:whispers", "user:manage:whispers")), List.of("whispers"));

	/** {@code channel.cheer} version 1. */
	public static final EventSubType CHANNEL_CHEER = new EventSubType("channel.cheer", "1", ChannelCheerEvent.class,
			List.of(BROADCASTER), List.of(), List.of(Set.of("bits:read")),
			List.of("channel-bits-events-v1", "channel-bits-events-v2"));

	/** {@code channel.bits.use} version 1. */
	public static final EventSubType CHANNEL_BITS_USE = new EventSubType("channel.bits.use", "1",
			ChannelBitsUseEvent.class, List.of(BROADCASTER), List.of(), List.of(Set.of("bits:read")),
			List.of("channel-bits-events-v1", "channel-bits-events-v2"));

	/**
	 * {@code channel.chat.notification} version 1; {@code user_id} is the reading user.
	 */
	public static final EventSubType CHANNEL_CHAT_NOTIFICATION = new EventSubType("channel.chat.notification", "1",
			ChannelChatNotificationEvent.class, List.of(BROADCASTER, USER), List.of(),
			List.of(Set.of("user:read:chat")), List.of("channel-bits-badge-unlocks"));

	/** {@code channel.channel_points_custom_reward_redemption.add} version 1. */
	public static final EventSubType CUSTOM_REWARD_REDEMPTION_ADD = new EventSubType(
			"channel.channel_points_custom_reward_redemption.add", "1", CustomRewardRedemptionAddEvent.class,
			List.of(BROADCASTER), List.of("reward_id"), redemptionScopes(), List.of("channel-points-channel-v1"));

	/** {@code channel.channel_points_custom_reward_redemption.update} version 1. */
	public static final EventSubType CUSTOM_REWARD_REDEMPTION_UPDATE = new EventSubType(
			"channel.channel_points_custom_reward_redemption.update", "1", CustomRewardRedemptionUpdateEvent.class,
			List.of(BROADCASTER), List.of("reward_id"), redemptionScopes(), List.of("channel-points-channel-v1"));

	/** {@code channel.channel_points_automatic_reward_redemption.add} version 2. */
	public static final EventSubType AUTOMATIC_REWARD_REDEMPTION_ADD = new EventSubType(
			"channel.channel_points_automatic_reward_redemption.add", "2", AutomaticRewardRedemptionAddEvent.class,
			List.of(BROADCASTER), List.of(), redemptionScopes(), List.of("channel-points-channel-v1"));

	/** {@code channel.subscribe} version 1. */
	public static final EventSubType CHANNEL_SUBSCRIBE = new EventSubType("channel.subscribe", "1",
			ChannelSubscribeEvent.class, List.of(BROADCASTER), List.of(), List.of(Set.of("channel:read:subscriptions")),
			List.of("channel-subscribe-events-v1"));

	/** {@code channel.subscription.message} version 1. */
	public static final EventSubType CHANNEL_SUBSCRIPTION_MESSAGE = new EventSubType("channel.subscription.message",
			"1", ChannelSubscriptionMessageEvent.class, List.of(BROADCASTER), List.of(),
			List.of(Set.of("channel:read:subscriptions")), List.of("channel-subscribe-events-v1"));

	/** {@code channel.subscription.gift} version 1. */
	public static final EventSubType CHANNEL_SUBSCRIPTION_GIFT = new EventSubType("channel.subscription.gift", "1",
			ChannelSubscriptionGiftEvent.class, List.of(BROADCASTER), List.of(),
			List.of(Set.of("channel:read:subscriptions")), List.of("channel-subscribe-events-v1"));

	/** {@code channel.moderate} version 2 (version 1 has no warnings). */
	public static final EventSubType CHANNEL_MODERATE = new EventSubType("channel.moderate", "2",
			ChannelModerateEvent.class, List.of(BROADCASTER, MODERATOR), List.of(),
			List.of(readOrManage("blocked_terms"), readOrManage("chat_settings"), readOrManage("unban_requests"),
					readOrManage("banned_users"), readOrManage("chat_messages"), readOrManage("warnings"),
					Set.of("moderator:read:moderators"), Set.of("moderator:read:vips")),
			List.of("chat_moderator_actions"));

	/** {@code automod.message.hold} version 2. */
	public static final EventSubType AUTOMOD_MESSAGE_HOLD = new EventSubType("automod.message.hold", "2",
			AutomodMessageHoldEvent.class, List.of(BROADCASTER, MODERATOR), List.of(),
			List.of(Set.of("moderator:manage:automod")), List.of("automod-queue"));

	/** {@code automod.message.update} version 2. */
	public static final EventSubType AUTOMOD_MESSAGE_UPDATE = new EventSubType("automod.message.update", "2",
			AutomodMessageUpdateEvent.class, List.of(BROADCASTER, MODERATOR), List.of(),
			List.of(Set.of("moderator:manage:automod")), List.of("automod-queue"));

	/**
	 * {@code channel.chat.user_message_hold} version 1; {@code user_id} is the author.
	 */
	public static final EventSubType CHAT_USER_MESSAGE_HOLD = new EventSubType("channel.chat.user_message_hold", "1",
			ChatUserMessageHoldEvent.class, List.of(BROADCASTER, USER), List.of(), List.of(Set.of("user:read:chat")),
			List.of("user-moderation-notifications"));

	/**
	 * {@code channel.chat.user_message_update} version 1; {@code user_id} is the author.
	 */
	public static final EventSubType CHAT_USER_MESSAGE_UPDATE = new EventSubType("channel.chat.user_message_update",
			"1", ChatUserMessageUpdateEvent.class, List.of(BROADCASTER, USER), List.of(),
			List.of(Set.of("user:read:chat")), List.of("user-moderation-notifications"));

	/** {@code channel.suspicious_user.message} version 1. */
	public static final EventSubType SUSPICIOUS_USER_MESSAGE = new EventSubType("channel.suspicious_user.message", "1",
			SuspiciousUserMessageEvent.class, List.of(BROADCASTER, MODERATOR), List.of(),
			List.of(Set.of("moderator:read:suspicious_users")), List.of("low-trust-users"));

	/** {@code channel.suspicious_user.update} version 1. */
	public static final EventSubType SUSPICIOUS_USER_UPDATE = new EventSubType("channel.suspicious_user.update", "1",
			SuspiciousUserUpdateEvent.class, List.of(BROADCASTER, MODERATOR), List.of(),
			List.of(Set.of("moderator:read:suspicious_users")), List.of("low-trust-users"));

	private static final List<EventSubType> ALL = List.of(USER_WHISPER_MESSAGE, CHANNEL_CHEER, CHANNEL_BITS_USE,
			CHANNEL_CHAT_NOTIFICATION, CUSTOM_REWARD_REDEMPTION_ADD, CUSTOM_REWARD_REDEMPTION_UPDATE,
			AUTOMATIC_REWARD_REDEMPTION_ADD, CHANNEL_SUBSCRIBE, CHANNEL_SUBSCRIPTION_MESSAGE, CHANNEL_SUBSCRIPTION_GIFT,
			CHANNEL_MODERATE, AUTOMOD_MESSAGE_HOLD, AUTOMOD_MESSAGE_UPDATE, CHAT_USER_MESSAGE_HOLD,
			CHAT_USER_MESSAGE_UPDATE, SUSPICIOUS_USER_MESSAGE, SUSPICIOUS_USER_UPDATE);

	private static final Map<String, EventSubType> BY_KEY = byKey();

	private EventSubTypes() {
	}

	/**
	 * Every typed subscription type, in the order of {@code docs/eventsub.md}'s mapping
	 * table.
	 * @return an immutable list
	 */
	public static List<EventSubType> all() {
		return ALL;
	}

	/**
	 * The typed subscription type of a name and version.
	 * @param name the subscription type, for example {@code channel.cheer}
	 * @param version the version, for example {@code 1}
	 * @return the type, or empty when this library has no typed record for it
	 */
	public static Optional<EventSubType> find(String name, String version) {
		return Optional.ofNullable(lookup(name, version));
	}

	static @Nullable EventSubType lookup(String name, String version) {
		return BY_KEY.get(name + "@" + version);
	}

	/**
	 * The typed subscription type whose events decode to a record class.
	 * @param eventClass an event record class
	 * @return the type, or empty for {@link UnknownEvent}
	 */
	public static Optional<EventSubType> of(Class<? extends EventSubEvent> eventClass) {
		return ALL.stream().filter((type) -> type.eventClass() == eventClass).findFirst();
	}

	private static Map<String, EventSubType> byKey() {
		Map<String, EventSubType> map = new LinkedHashMap<>();
		for (EventSubType type : ALL) {
			map.put(type.key(), type);
		}
		return Map.copyOf(map);
	}

	private static List<Set<String>> redemptionScopes() {
		return List.of(Set.of("channel:read:redemptions", "channel:manage:redemptions"));
	}

	private static Set<String> readOrManage(String what) {
		return Set.of("moderator:read:" + what, "moderator:manage:" + what);
	}

}
