package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.twitchjvm.jackson.Lists;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code channel-subscribe-events-v1.<channel_id>}: a flat object whose
 * {@code context} says what happened. Gifts carry a recipient; anonymous gifts carry no
 * sender.
 *
 * <p>
 * Twitch once sent one anonymous gift as two frames about 2 ms apart: a {@link SubGift}
 * from the placeholder account {@value #ANONYMOUS_GIFTER_LOGIN} and an
 * {@link AnonSubGift}. Deduplicate if you count gifts; see
 * {@link SubGift#isFromAnonymousGifter()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "context")
@JsonSubTypes({ @JsonSubTypes.Type(value = SubscriptionEvent.Sub.class, name = "sub"),
		@JsonSubTypes.Type(value = SubscriptionEvent.Resub.class, name = "resub"),
		@JsonSubTypes.Type(value = SubscriptionEvent.SubGift.class, name = "subgift"),
		@JsonSubTypes.Type(value = SubscriptionEvent.AnonSubGift.class, name = "anonsubgift"),
		@JsonSubTypes.Type(value = SubscriptionEvent.ResubGift.class, name = "resubgift"),
		@JsonSubTypes.Type(value = SubscriptionEvent.AnonResubGift.class, name = "anonresubgift"),
		@JsonSubTypes.Type(value = SubscriptionEvent.ExtendSub.class, name = "extendsub") })
public sealed interface SubscriptionEvent extends PubSubPayload permits SubscriptionEvent.Sub, SubscriptionEvent.Resub,
		SubscriptionEvent.SubGift, SubscriptionEvent.AnonSubGift, SubscriptionEvent.ResubGift,
		SubscriptionEvent.AnonResubGift, SubscriptionEvent.ExtendSub, SubscriptionEvent.Unknown {

	/** The login of the placeholder account Twitch attributes anonymous gifts to. */
	String ANONYMOUS_GIFTER_LOGIN = "ananonymousgifter";

	/**
	 * {@code sub}: a user subscribed for the first time.
	 *
	 * @param userName the subscriber's login
	 * @param displayName the subscriber's display name
	 * @param channelName the channel's login
	 * @param userId the subscriber's user id
	 * @param channelId the channel's user id
	 * @param time when it happened
	 * @param subPlan the tier
	 * @param subPlanName the tier's name in this channel
	 * @param months legacy month count (0 for sub and resub)
	 * @param cumulativeMonths total months subscribed, or {@code null}
	 * @param streakMonths consecutive months, or {@code null} when the user did not share
	 * it
	 * @param isGift always {@code false}
	 * @param subMessage the message the user shared
	 * @param multiMonthDuration months bought at once, or {@code null}
	 */
	record Sub(String userName, String displayName, String channelName, String userId, String channelId, Instant time,
			SubPlan subPlan, String subPlanName, int months, @Nullable Integer cumulativeMonths,
			@Nullable Integer streakMonths, boolean isGift, @Nullable SubMessage subMessage,
			@Nullable Integer multiMonthDuration) implements SubscriptionEvent {

		public Sub {
			Objects.requireNonNull(userName, "userName");
			Objects.requireNonNull(displayName, "displayName");
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(userId, "userId");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(subPlan, "subPlan");
			Objects.requireNonNull(subPlanName, "subPlanName");
		}

	}

	/**
	 * {@code resub}: a user renewed and shared it in chat.
	 *
	 * @param userName the subscriber's login
	 * @param displayName the subscriber's display name
	 * @param channelName the channel's login
	 * @param userId the subscriber's user id
	 * @param channelId the channel's user id
	 * @param time when it happened
	 * @param subPlan the tier
	 * @param subPlanName the tier's name in this channel
	 * @param months legacy month count (0 for sub and resub)
	 * @param cumulativeMonths total months subscribed, or {@code null}
	 * @param streakMonths consecutive months, or {@code null} when the user did not share
	 * it
	 * @param isGift always {@code false}
	 * @param subMessage the message the user shared
	 * @param multiMonthDuration months bought at once, or {@code null}
	 */
	record Resub(String userName, String displayName, String channelName, String userId, String channelId, Instant time,
			SubPlan subPlan, String subPlanName, int months, @Nullable Integer cumulativeMonths,
			@Nullable Integer streakMonths, boolean isGift, @Nullable SubMessage subMessage,
			@Nullable Integer multiMonthDuration) implements SubscriptionEvent {

		public Resub {
			Objects.requireNonNull(userName, "userName");
			Objects.requireNonNull(displayName, "displayName");
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(userId, "userId");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(subPlan, "subPlan");
			Objects.requireNonNull(subPlanName, "subPlanName");
		}

	}

	/**
	 * {@code subgift}: a user gifted a subscription to another.
	 *
	 * @param userName the gifter's login
	 * @param displayName the gifter's display name
	 * @param channelName the channel's login
	 * @param userId the gifter's user id
	 * @param channelId the channel's user id
	 * @param time when it happened
	 * @param subPlan the tier
	 * @param subPlanName the tier's name in this channel
	 * @param months the recipient's month count
	 * @param cumulativeMonths the recipient's total months, or {@code null} when not sent
	 * @param streakMonths the recipient's consecutive months, or {@code null} when not
	 * sent
	 * @param isGift always {@code true}
	 * @param subMessage the message, or {@code null}
	 * @param recipientId the recipient's user id, or {@code null} when Twitch left it out
	 * @param recipientUserName the recipient's login
	 * @param recipientDisplayName the recipient's display name
	 * @param multiMonthDuration months gifted at once, or {@code null}
	 */
	record SubGift(String userName, String displayName, String channelName, String userId, String channelId,
			Instant time, SubPlan subPlan, String subPlanName, int months, @Nullable Integer cumulativeMonths,
			@Nullable Integer streakMonths, boolean isGift, @Nullable SubMessage subMessage,
			@Nullable String recipientId, String recipientUserName, String recipientDisplayName,
			@Nullable Integer multiMonthDuration) implements SubscriptionEvent {

		public SubGift {
			Objects.requireNonNull(userName, "userName");
			Objects.requireNonNull(displayName, "displayName");
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(userId, "userId");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(subPlan, "subPlan");
			Objects.requireNonNull(subPlanName, "subPlanName");
			Objects.requireNonNull(recipientUserName, "recipientUserName");
			Objects.requireNonNull(recipientDisplayName, "recipientDisplayName");
		}

		/**
		 * Whether Twitch attributed this gift to its anonymous-gifter placeholder
		 * account, which it did when it also sent the same gift as an
		 * {@link AnonSubGift}.
		 * @return {@code true} for the placeholder gifter
		 */
		@JsonIgnore
		public boolean isFromAnonymousGifter() {
			return ANONYMOUS_GIFTER_LOGIN.equals(this.userName);
		}

	}

	/**
	 * {@code anonsubgift}: an anonymous user gifted a subscription. No sender fields.
	 *
	 * @param channelName the channel's login
	 * @param channelId the channel's user id
	 * @param time when it happened
	 * @param subPlan the tier
	 * @param subPlanName the tier's name in this channel
	 * @param months the recipient's month count
	 * @param cumulativeMonths the recipient's total months, or {@code null} when not sent
	 * @param streakMonths the recipient's consecutive months, or {@code null} when not
	 * sent
	 * @param isGift always {@code true}
	 * @param subMessage the message, or {@code null}
	 * @param recipientId the recipient's user id, or {@code null} when Twitch left it out
	 * @param recipientUserName the recipient's login
	 * @param recipientDisplayName the recipient's display name
	 * @param multiMonthDuration months gifted at once, or {@code null}
	 */
	record AnonSubGift(String channelName, String channelId, Instant time, SubPlan subPlan, String subPlanName,
			int months, @Nullable Integer cumulativeMonths, @Nullable Integer streakMonths, boolean isGift,
			@Nullable SubMessage subMessage, @Nullable String recipientId, String recipientUserName,
			String recipientDisplayName, @Nullable Integer multiMonthDuration) implements SubscriptionEvent {

		public AnonSubGift {
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(subPlan, "subPlan");
			Objects.requireNonNull(subPlanName, "subPlanName");
			Objects.requireNonNull(recipientUserName, "recipientUserName");
			Objects.requireNonNull(recipientDisplayName, "recipientDisplayName");
		}

	}

	/**
	 * {@code resubgift}: a user gifted a subscription to someone already subscribed.
	 *
	 * @param userName the gifter's login
	 * @param displayName the gifter's display name
	 * @param channelName the channel's login
	 * @param userId the gifter's user id
	 * @param channelId the channel's user id
	 * @param time when it happened
	 * @param subPlan the tier
	 * @param subPlanName the tier's name in this channel
	 * @param months the recipient's month count
	 * @param cumulativeMonths the recipient's total months, or {@code null} when not sent
	 * @param streakMonths the recipient's consecutive months, or {@code null} when not
	 * sent
	 * @param isGift always {@code true}
	 * @param subMessage the message, or {@code null}
	 * @param recipientId the recipient's user id, or {@code null} (often missing on this
	 * type)
	 * @param recipientUserName the recipient's login
	 * @param recipientDisplayName the recipient's display name
	 * @param multiMonthDuration months gifted at once, or {@code null}
	 */
	record ResubGift(String userName, String displayName, String channelName, String userId, String channelId,
			Instant time, SubPlan subPlan, String subPlanName, int months, @Nullable Integer cumulativeMonths,
			@Nullable Integer streakMonths, boolean isGift, @Nullable SubMessage subMessage,
			@Nullable String recipientId, String recipientUserName, String recipientDisplayName,
			@Nullable Integer multiMonthDuration) implements SubscriptionEvent {

		public ResubGift {
			Objects.requireNonNull(userName, "userName");
			Objects.requireNonNull(displayName, "displayName");
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(userId, "userId");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(subPlan, "subPlan");
			Objects.requireNonNull(subPlanName, "subPlanName");
			Objects.requireNonNull(recipientUserName, "recipientUserName");
			Objects.requireNonNull(recipientDisplayName, "recipientDisplayName");
		}

	}

	/**
	 * {@code anonresubgift}: an anonymous user gifted a subscription to someone already
	 * subscribed.
	 *
	 * @param channelName the channel's login
	 * @param channelId the channel's user id
	 * @param time when it happened
	 * @param subPlan the tier
	 * @param subPlanName the tier's name in this channel
	 * @param months the recipient's month count
	 * @param cumulativeMonths the recipient's total months, or {@code null} when not sent
	 * @param streakMonths the recipient's consecutive months, or {@code null} when not
	 * sent
	 * @param isGift always {@code true}
	 * @param subMessage the message, or {@code null}
	 * @param recipientId the recipient's user id, or {@code null}
	 * @param recipientUserName the recipient's login
	 * @param recipientDisplayName the recipient's display name
	 * @param multiMonthDuration months gifted at once, or {@code null}
	 */
	record AnonResubGift(String channelName, String channelId, Instant time, SubPlan subPlan, String subPlanName,
			int months, @Nullable Integer cumulativeMonths, @Nullable Integer streakMonths, boolean isGift,
			@Nullable SubMessage subMessage, @Nullable String recipientId, String recipientUserName,
			String recipientDisplayName, @Nullable Integer multiMonthDuration) implements SubscriptionEvent {

		public AnonResubGift {
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(subPlan, "subPlan");
			Objects.requireNonNull(subPlanName, "subPlanName");
			Objects.requireNonNull(recipientUserName, "recipientUserName");
			Objects.requireNonNull(recipientDisplayName, "recipientDisplayName");
		}

	}

	/**
	 * {@code extendsub}: a user extended a subscription by a month.
	 *
	 * @param userName the subscriber's login
	 * @param displayName the subscriber's display name
	 * @param channelName the channel's login
	 * @param userId the subscriber's user id
	 * @param channelId the channel's user id
	 * @param time when it happened
	 * @param subPlan the tier
	 * @param subPlanName the tier's name in this channel
	 * @param months legacy month count
	 * @param cumulativeMonths total months subscribed, or {@code null}
	 * @param streakMonths consecutive months, or {@code null}
	 * @param isGift always {@code false}
	 * @param subMessage the message, or {@code null}
	 * @param multiMonthDuration months bought at once, or {@code null}
	 * @param benefitEndMonth the month (1 to 12) the benefits now end, or {@code null}
	 */
	record ExtendSub(String userName, String displayName, String channelName, String userId, String channelId,
			Instant time, SubPlan subPlan, String subPlanName, int months, @Nullable Integer cumulativeMonths,
			@Nullable Integer streakMonths, boolean isGift, @Nullable SubMessage subMessage,
			@Nullable Integer multiMonthDuration, @Nullable Integer benefitEndMonth) implements SubscriptionEvent {

		public ExtendSub {
			Objects.requireNonNull(userName, "userName");
			Objects.requireNonNull(displayName, "displayName");
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(userId, "userId");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(subPlan, "subPlan");
			Objects.requireNonNull(subPlanName, "subPlanName");
		}

	}

	/**
	 * A {@code context} this version does not know, or none.
	 *
	 * @param type the message's {@code context}, or {@code null} if it had none
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements SubscriptionEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

	/**
	 * The chat message shared with a subscription.
	 *
	 * @param message the text
	 * @param emotes emotes in the text
	 */
	record SubMessage(String message, List<SubEmote> emotes) {

		public SubMessage {
			Objects.requireNonNull(message, "message");
			emotes = Lists.copyOf(emotes);
		}

	}

	/**
	 * An emote in a subscription message. Twitch's documentation showed numeric ids and
	 * an emote whose end precedes its start; both are kept as sent.
	 *
	 * @param start the index of the first character
	 * @param end the index of the last character
	 * @param id the emote id
	 */
	record SubEmote(int start, int end, String id) {

		public SubEmote {
			Objects.requireNonNull(id, "id");
		}

	}

	/** A subscription tier. */
	enum SubPlan {

		/** A Prime Gaming subscription. */
		@JsonProperty("Prime")
		PRIME,

		/** Tier 1. */
		@JsonProperty("1000")
		TIER_1,

		/** Tier 2. */
		@JsonProperty("2000")
		TIER_2,

		/** Tier 3. */
		@JsonProperty("3000")
		TIER_3,

		/** A tier this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

}
