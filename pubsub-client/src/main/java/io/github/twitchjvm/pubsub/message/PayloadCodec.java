package io.github.twitchjvm.pubsub.message;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.github.twitchjvm.pubsub.topic.TopicType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the inner message of a documented topic into its typed payload, and encodes a
 * payload back to the wire shape (which the fake server publishes).
 *
 * <pre>{@code
 * PubSubPayload payload = PayloadCodec.standard().decode(TopicType.CHANNEL_POINTS, messageJson);
 * if (payload instanceof ChannelPointsEvent.RewardRedeemed redeemed) {
 *     System.out.println(redeemed.redemption().reward().title());
 * }
 * }</pre>
 *
 * Instances are immutable and thread-safe; the readers and writers are built once.
 */
public final class PayloadCodec {

	private static final PayloadCodec STANDARD = new PayloadCodec();

	private static final Map<TopicType, Class<? extends PubSubPayload>> PAYLOAD_TYPES = payloadTypes();

	private final JsonMapper mapper;

	private final WhisperCodec whispers;

	private final BitsCodec bits;

	private final FamilyCodec<BitsBadgeUnlock> badgeUnlocks;

	private final EnvelopeCodec<ChannelPointsEvent> channelPoints;

	private final PolymorphicCodec<SubscriptionEvent> subscriptions;

	private final EnvelopeCodec<ChatModeratorActionEvent> moderatorActions;

	private final EnvelopeCodec<AutomodQueueEvent> automodQueue;

	private final EnvelopeCodec<UserModerationEvent> userModeration;

	private final EnvelopeCodec<LowTrustUserEvent> lowTrustUsers;

	private PayloadCodec() {
		this.mapper = PayloadJson.createMapper();
		this.whispers = new WhisperCodec(this.mapper);
		this.bits = new BitsCodec(this.mapper);
		this.badgeUnlocks = new FlatCodec<>(this.mapper, BitsBadgeUnlock.class);
		this.channelPoints = new EnvelopeCodec<>(this.mapper,
				Map.of("reward-redeemed", ChannelPointsEvent.RewardRedeemed.class, "redemption-status-update",
						ChannelPointsEvent.RedemptionStatusUpdated.class, "custom-reward-created",
						ChannelPointsEvent.CustomRewardCreated.class, "custom-reward-updated",
						ChannelPointsEvent.CustomRewardUpdated.class, "custom-reward-deleted",
						ChannelPointsEvent.CustomRewardDeleted.class, "update-redemption-statuses-progress",
						ChannelPointsEvent.RedemptionStatusesProgress.class, "update-redemption-statuses-finished",
						ChannelPointsEvent.RedemptionStatusesFinished.class),
				ChannelPointsEvent.Unknown::new);
		this.subscriptions = new PolymorphicCodec<>(this.mapper, SubscriptionEvent.class,
				SubscriptionEvent.Unknown::new);
		this.moderatorActions = new EnvelopeCodec<>(this.mapper,
				Map.of("moderation_action", ChatModeratorActionEvent.ModerationAction.class, "channel_terms_action",
						ChatModeratorActionEvent.ChannelTermsAction.class, "moderator_added",
						ChatModeratorActionEvent.ModeratorAdded.class, "moderator_removed",
						ChatModeratorActionEvent.ModeratorRemoved.class, "vip_added",
						ChatModeratorActionEvent.VipAdded.class, "vip_removed",
						ChatModeratorActionEvent.VipRemoved.class, "approve_unban_request",
						ChatModeratorActionEvent.UnbanRequestApproved.class, "deny_unban_request",
						ChatModeratorActionEvent.UnbanRequestDenied.class),
				ChatModeratorActionEvent.Unknown::new);
		this.automodQueue = new EnvelopeCodec<>(this.mapper,
				Map.of("automod_caught_message", AutomodQueueEvent.CaughtMessage.class),
				AutomodQueueEvent.Unknown::new);
		this.userModeration = new EnvelopeCodec<>(this.mapper,
				Map.of("automod_caught_message", UserModerationEvent.AutomodCaughtMessage.class),
				UserModerationEvent.Unknown::new);
		this.lowTrustUsers = new EnvelopeCodec<>(this.mapper,
				Map.of("low_trust_user_treatment_update", LowTrustUserEvent.TreatmentUpdate.class,
						"low_trust_user_new_message", LowTrustUserEvent.NewMessage.class),
				LowTrustUserEvent.Unknown::new);
	}

	/**
	 * The shared codec.
	 * @return the codec
	 */
	public static PayloadCodec standard() {
		return STANDARD;
	}

	/**
	 * The payload family of a topic type: the sealed interface (or record) its messages
	 * decode to.
	 * @param type the topic type
	 * @return for example {@code WhisperEvent.class} for {@link TopicType#WHISPERS}
	 */
	public static Class<? extends PubSubPayload> payloadType(TopicType type) {
		return Objects.requireNonNull(PAYLOAD_TYPES.get(type), type::name);
	}

	private static Map<TopicType, Class<? extends PubSubPayload>> payloadTypes() {
		Map<TopicType, Class<? extends PubSubPayload>> types = new EnumMap<>(TopicType.class);
		types.put(TopicType.WHISPERS, WhisperEvent.class);
		types.put(TopicType.BITS_V1, BitsEvent.class);
		types.put(TopicType.BITS_V2, BitsEvent.class);
		types.put(TopicType.BITS_BADGE_UNLOCKS, BitsBadgeUnlock.class);
		types.put(TopicType.CHANNEL_POINTS, ChannelPointsEvent.class);
		types.put(TopicType.CHANNEL_SUBSCRIPTIONS, SubscriptionEvent.class);
		types.put(TopicType.CHAT_MODERATOR_ACTIONS, ChatModeratorActionEvent.class);
		types.put(TopicType.AUTOMOD_QUEUE, AutomodQueueEvent.class);
		types.put(TopicType.USER_MODERATION_NOTIFICATIONS, UserModerationEvent.class);
		types.put(TopicType.LOW_TRUST_USERS, LowTrustUserEvent.class);
		return types;
	}

	/**
	 * Decodes the inner message of a topic of the given type. An inner discriminator this
	 * version does not know, or none, gives the family's {@code Unknown} variant (an
	 * {@link UnknownPayload}); unknown fields are ignored; a field that is missing,
	 * {@code null} or of the wrong JSON type is absent ({@code null} where the component
	 * is {@code @Nullable}, otherwise the empty value of its type).
	 * @param type the topic type the message arrived on
	 * @param json the inner message: the string in the MESSAGE frame's
	 * {@code data.message}
	 * @return the payload, an instance of {@link #payloadType(TopicType)}
	 * @throws MessageDecodingException if the text is not JSON, not one JSON object, or
	 * gives its discriminator twice
	 */
	public PubSubPayload decode(TopicType type, String json) {
		PubSubPayload payload;
		try {
			payload = switch (type) {
				case WHISPERS -> this.whispers.decode(json);
				case BITS_V1, BITS_V2 -> this.bits.decode(json);
				case BITS_BADGE_UNLOCKS -> this.badgeUnlocks.decode(json);
				case CHANNEL_POINTS -> this.channelPoints.decode(json);
				case CHANNEL_SUBSCRIPTIONS -> this.subscriptions.decode(json);
				case CHAT_MODERATOR_ACTIONS -> this.moderatorActions.decode(json);
				case AUTOMOD_QUEUE -> this.automodQueue.decode(json);
				case USER_MODERATION_NOTIFICATIONS -> this.userModeration.decode(json);
				case LOW_TRUST_USERS -> this.lowTrustUsers.decode(json);
			};
		}
		catch (JacksonException ex) {
			throw new MessageDecodingException(type, ex.getOriginalMessage(), ex);
		}
		catch (MalformedPayloadException ex) {
			throw new MessageDecodingException(type, ex.getMessage(), ex);
		}
		if (payload == null) {
			throw new MessageDecodingException(type, "the message is JSON null", null);
		}
		return payload;
	}

	/**
	 * Encodes a payload in the shape Twitch sent it: the text that goes into a MESSAGE
	 * frame's {@code data.message}. An {@link UnknownPayload} encodes to the JSON it was
	 * decoded from.
	 * @param payload the payload
	 * @return the inner message text
	 */
	public String encode(PubSubPayload payload) {
		if (payload instanceof WhisperEvent whisper) {
			return this.whispers.encode(whisper);
		}
		if (payload instanceof BitsEvent cheer) {
			return this.bits.encode(cheer);
		}
		if (payload instanceof BitsBadgeUnlock unlock) {
			return this.badgeUnlocks.encode(unlock);
		}
		if (payload instanceof ChannelPointsEvent points) {
			return this.channelPoints.encode(points);
		}
		if (payload instanceof SubscriptionEvent subscription) {
			return this.subscriptions.encode(subscription);
		}
		if (payload instanceof ChatModeratorActionEvent action) {
			return this.moderatorActions.encode(action);
		}
		if (payload instanceof AutomodQueueEvent automod) {
			return this.automodQueue.encode(automod);
		}
		if (payload instanceof UserModerationEvent notification) {
			return this.userModeration.encode(notification);
		}
		return this.lowTrustUsers.encode((LowTrustUserEvent) payload);
	}

	/**
	 * Encodes a payload in the shape Twitch sent it on the given topic type. The same as
	 * {@link #encode(PubSubPayload)} except for bits v1, whose frames never carried
	 * {@code is_anonymous}.
	 * @param type the topic type the payload is for
	 * @param payload the payload
	 * @return the inner message text
	 * @throws IllegalArgumentException if the payload does not belong to the topic type
	 */
	public String encode(TopicType type, PubSubPayload payload) {
		Class<? extends PubSubPayload> family = payloadType(type);
		if (!family.isInstance(payload)) {
			throw new IllegalArgumentException("A " + payload.getClass().getSimpleName() + " is not a payload of "
					+ type.prefix() + ", which carries " + family.getSimpleName());
		}
		if (type == TopicType.BITS_V1) {
			return this.bits.encode((BitsEvent) payload, false);
		}
		return encode(payload);
	}

	/**
	 * Parses any message text into a Jackson tree, with the same configuration as the
	 * typed decoding.
	 * @param type the topic type, for the error message, or {@code null} for an
	 * undocumented topic
	 * @param json the text
	 * @return the tree
	 * @throws MessageDecodingException if the text is not JSON
	 */
	JsonNode readTree(@org.jspecify.annotations.Nullable TopicType type, String json) {
		try {
			return this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MessageDecodingException(type, ex.getOriginalMessage(), ex);
		}
	}

}
