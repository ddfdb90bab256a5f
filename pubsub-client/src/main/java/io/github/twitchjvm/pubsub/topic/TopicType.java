package io.github.twitchjvm.pubsub.topic;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One documented Twitch PubSub topic family: the prefix of its topic strings, the ids
 * that follow the prefix (names and order) and the OAuth scope a token needs to listen to
 * it.
 *
 * <p>
 * The first id of every family names the user whose token authorises the topic: the user
 * for whispers, the channel for the other single-id families, the moderator (or current
 * user) for two-id families.
 *
 * @see Topic
 */
public enum TopicType {

	/** Whispers sent and received by a user: {@code whispers.<user_id>}. */
	WHISPERS("whispers", "whispers:read", "user_id"),

	/**
	 * Cheers in a channel, first version (no {@code is_anonymous}):
	 * {@code channel-bits-events-v1.<channel_id>}.
	 */
	BITS_V1("channel-bits-events-v1", "bits:read", "channel_id"),

	/** Cheers in a channel: {@code channel-bits-events-v2.<channel_id>}. */
	BITS_V2("channel-bits-events-v2", "bits:read", "channel_id"),

	/**
	 * Bits badge tiers a user unlocked and shared in chat:
	 * {@code channel-bits-badge-unlocks.<channel_id>}.
	 */
	BITS_BADGE_UNLOCKS("channel-bits-badge-unlocks", "bits:read", "channel_id"),

	/**
	 * Channel points redemptions and reward changes:
	 * {@code channel-points-channel-v1.<channel_id>}.
	 */
	CHANNEL_POINTS("channel-points-channel-v1", "channel:read:redemptions", "channel_id"),

	/**
	 * Subscriptions, resubscriptions and gifts:
	 * {@code channel-subscribe-events-v1.<channel_id>}.
	 */
	CHANNEL_SUBSCRIPTIONS("channel-subscribe-events-v1", "channel:read:subscriptions", "channel_id"),

	/**
	 * Moderator actions in a channel, seen by a moderator:
	 * {@code chat_moderator_actions.<user_id>.<channel_id>}.
	 */
	CHAT_MODERATOR_ACTIONS("chat_moderator_actions", "channel:moderate", "user_id", "channel_id"),

	/**
	 * Messages held by AutoMod, seen by a moderator:
	 * {@code automod-queue.<moderator_id>.<channel_id>}.
	 */
	AUTOMOD_QUEUE("automod-queue", "channel:moderate", "moderator_id", "channel_id"),

	/**
	 * What happened to the current user's own held messages:
	 * {@code user-moderation-notifications.<user_id>.<channel_id>}.
	 */
	USER_MODERATION_NOTIFICATIONS("user-moderation-notifications", "chat:read", "user_id", "channel_id"),

	/**
	 * Suspicious (low-trust) users in a channel, seen by a moderator:
	 * {@code low-trust-users.<moderator_id>.<channel_id>}. Twitch's documentation printed
	 * the ids the other way round; every working client used this order.
	 */
	LOW_TRUST_USERS("low-trust-users", "channel:moderate", "moderator_id", "channel_id");

	private static final Map<String, TopicType> BY_PREFIX = Stream.of(values())
		.collect(Collectors.toUnmodifiableMap(TopicType::prefix, Function.identity()));

	private final String prefix;

	private final String scope;

	private final List<String> idNames;

	TopicType(String prefix, String scope, String... idNames) {
		this.prefix = prefix;
		this.scope = scope;
		this.idNames = List.of(idNames);
	}

	/**
	 * The family's prefix, the part of a topic string before the first dot.
	 * @return the prefix, for example {@code "chat_moderator_actions"}
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * The OAuth scope a user access token must carry to listen to a topic of this family.
	 * @return the scope, for example {@code "whispers:read"}
	 */
	public String scope() {
		return this.scope;
	}

	/**
	 * The names of the ids that follow the prefix, in wire order.
	 * @return one or two names such as {@code user_id}, {@code channel_id} or
	 * {@code moderator_id}
	 */
	public List<String> idNames() {
		return this.idNames;
	}

	/**
	 * The number of ids a topic string of this family carries.
	 * @return 1 or 2
	 */
	public int idCount() {
		return this.idNames.size();
	}

	/**
	 * The expected form of a topic string of this family, for error messages and
	 * documentation.
	 * @return for example {@code "automod-queue.<moderator_id>.<channel_id>"}
	 */
	public String expectedForm() {
		StringBuilder form = new StringBuilder(this.prefix);
		for (String idName : this.idNames) {
			form.append(".<").append(idName).append('>');
		}
		return form.toString();
	}

	/**
	 * Builds a validated topic of this family.
	 * @param ids the ids in wire order ({@link #idNames()})
	 * @return the topic
	 * @throws InvalidTopicException if the number of ids is wrong or an id is not a
	 * numeric Twitch id
	 */
	public Topic topic(String... ids) {
		return Topic.of(this, ids);
	}

	/**
	 * Finds the family with the given prefix.
	 * @param prefix a topic prefix such as {@code "whispers"}
	 * @return the family, or {@code null} if the prefix is not a documented family
	 */
	public static @Nullable TopicType forPrefix(String prefix) {
		return BY_PREFIX.get(prefix);
	}

}
