package io.github.twitchjvm.eventsub.event;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.twitchjvm.jackson.Lists;
import io.github.twitchjvm.jackson.OptionalText;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.chat.notification} version 1: a notice in chat (a subscription, a gift,
 * a raid, an announcement, a Bits badge...). With {@code notice_type}
 * {@code bits_badge_tier} it replaces PubSub's {@code channel-bits-badge-unlocks}; the
 * subscription notices are the alert-style view of {@code channel-subscribe-events-v1}.
 * {@code noticeType} says which of the per-notice objects is set; the others are
 * {@code null}. The {@code shared_chat_*} notices carry the same objects as their
 * counterparts, for a notice from another channel of a Shared Chat session. A notice type
 * this version does not know is {@link NoticeType#UNRECOGNIZED}, its object available in
 * the notification's raw JSON.
 *
 * @param broadcaster the channel
 * @param chatter the user the notice is about
 * @param chatterIsAnonymous whether the chatter is anonymous (an anonymous gift)
 * @param color the chatter's name colour, or {@code null} when none (Twitch sends
 * {@code ""})
 * @param badges the chatter's badges, never {@code null}
 * @param systemMessage the text Twitch shows in chat for the notice
 * @param messageId the message id
 * @param message the chatter's message (often empty)
 * @param noticeType the notice
 * @param sub {@code sub}
 * @param resub {@code resub}
 * @param subGift {@code sub_gift}
 * @param communitySubGift {@code community_sub_gift}
 * @param giftPaidUpgrade {@code gift_paid_upgrade}
 * @param primePaidUpgrade {@code prime_paid_upgrade}
 * @param payItForward {@code pay_it_forward}
 * @param raid {@code raid}
 * @param unraid {@code unraid}
 * @param announcement {@code announcement}
 * @param bitsBadgeTier {@code bits_badge_tier}
 * @param charityDonation {@code charity_donation}
 * @param sharedChatSub {@code shared_chat_sub}
 * @param sharedChatResub {@code shared_chat_resub}
 * @param sharedChatSubGift {@code shared_chat_sub_gift}
 * @param sharedChatCommunitySubGift {@code shared_chat_community_sub_gift}
 * @param sharedChatGiftPaidUpgrade {@code shared_chat_gift_paid_upgrade}
 * @param sharedChatPrimePaidUpgrade {@code shared_chat_prime_paid_upgrade}
 * @param sharedChatPayItForward {@code shared_chat_pay_it_forward}
 * @param sharedChatRaid {@code shared_chat_raid}
 * @param sharedChatAnnouncement {@code shared_chat_announcement}
 * @param sourceBroadcaster the channel the notice came from, or {@code null} when it
 * happened in this one
 * @param sourceMessageId the message id in the source channel, or {@code null}
 * @param sourceBadges the chatter's badges in the source channel, empty when none (and
 * then not written)
 */
public record ChannelChatNotificationEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "chatter_user_") User chatter, boolean chatterIsAnonymous,
		@OptionalText @Nullable String color, List<Badge> badges, String systemMessage, String messageId,
		ChatMessage message, NoticeType noticeType, @Nullable Sub sub, @Nullable Resub resub, @Nullable SubGift subGift,
		@Nullable CommunitySubGift communitySubGift, @Nullable GiftPaidUpgrade giftPaidUpgrade,
		@Nullable PrimePaidUpgrade primePaidUpgrade, @Nullable GiftPaidUpgrade payItForward, @Nullable Raid raid,
		@Nullable Unraid unraid, @Nullable Announcement announcement, @Nullable BitsBadgeTier bitsBadgeTier,
		@Nullable CharityDonation charityDonation, @Nullable Sub sharedChatSub, @Nullable Resub sharedChatResub,
		@Nullable SubGift sharedChatSubGift, @Nullable CommunitySubGift sharedChatCommunitySubGift,
		@Nullable GiftPaidUpgrade sharedChatGiftPaidUpgrade, @Nullable PrimePaidUpgrade sharedChatPrimePaidUpgrade,
		@Nullable GiftPaidUpgrade sharedChatPayItForward, @Nullable Raid sharedChatRaid,
		@Nullable Announcement sharedChatAnnouncement,
		@JsonUnwrapped(prefix = "source_broadcaster_user_") @Nullable User sourceBroadcaster,
		@Nullable String sourceMessageId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Badge> sourceBadges) implements EventSubEvent {

	public ChannelChatNotificationEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(chatter, "chatter");
		badges = Lists.copyOf(badges);
		Objects.requireNonNull(systemMessage, "systemMessage");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(noticeType, "noticeType");
		sourceBroadcaster = User.presentOrNull(sourceBroadcaster);
		sourceBadges = Lists.copyOf(sourceBadges);
	}

	/** The kinds of chat notice. */
	public enum NoticeType {

		/** A new subscription. */
		SUB,

		/** A resubscription. */
		RESUB,

		/** A gifted subscription. */
		SUB_GIFT,

		/** Subscriptions gifted to the community. */
		COMMUNITY_SUB_GIFT,

		/** A gifted subscription continued as a paid one. */
		GIFT_PAID_UPGRADE,

		/** A Prime subscription continued as a paid one. */
		PRIME_PAID_UPGRADE,

		/** An incoming raid. */
		RAID,

		/** A raid was cancelled. */
		UNRAID,

		/** A gift paid forward. */
		PAY_IT_FORWARD,

		/** An announcement. */
		ANNOUNCEMENT,

		/** A user earned a Bits badge tier. */
		BITS_BADGE_TIER,

		/** A charity donation. */
		CHARITY_DONATION,

		/** {@code sub} in another channel of a Shared Chat session. */
		SHARED_CHAT_SUB,

		/** {@code resub} in Shared Chat. */
		SHARED_CHAT_RESUB,

		/** {@code sub_gift} in Shared Chat. */
		SHARED_CHAT_SUB_GIFT,

		/** {@code community_sub_gift} in Shared Chat. */
		SHARED_CHAT_COMMUNITY_SUB_GIFT,

		/** {@code gift_paid_upgrade} in Shared Chat. */
		SHARED_CHAT_GIFT_PAID_UPGRADE,

		/** {@code prime_paid_upgrade} in Shared Chat. */
		SHARED_CHAT_PRIME_PAID_UPGRADE,

		/** {@code raid} in Shared Chat. */
		SHARED_CHAT_RAID,

		/** {@code pay_it_forward} in Shared Chat. */
		SHARED_CHAT_PAY_IT_FORWARD,

		/** {@code announcement} in Shared Chat. */
		SHARED_CHAT_ANNOUNCEMENT,

		/** A notice this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * A new subscription.
	 *
	 * @param subTier the tier
	 * @param isPrime whether it came with Prime
	 * @param durationMonths the months the subscription is for
	 */
	public record Sub(SubscriptionTier subTier, boolean isPrime, int durationMonths) {

		public Sub {
			Objects.requireNonNull(subTier, "subTier");
		}

	}

	/**
	 * A resubscription. Twitch's sample calls the tier {@code sub_plan}; both names are
	 * read.
	 *
	 * @param cumulativeMonths the total months subscribed
	 * @param durationMonths the months the subscription is for
	 * @param streakMonths the consecutive months, or {@code null} when not shared
	 * @param subTier the tier
	 * @param isPrime whether it came with Prime
	 * @param isGift whether it is a gifted subscription
	 * @param gifterIsAnonymous whether the gifter is anonymous, or {@code null} when not
	 * a gift
	 * @param gifter the gifter, or {@code null} when not a gift or anonymous
	 */
	public record Resub(int cumulativeMonths, int durationMonths, @Nullable Integer streakMonths,
			@JsonAlias("sub_plan") SubscriptionTier subTier, boolean isPrime, boolean isGift,
			@Nullable Boolean gifterIsAnonymous, @JsonUnwrapped(prefix = "gifter_user_") @Nullable User gifter) {

		public Resub {
			Objects.requireNonNull(subTier, "subTier");
			gifter = User.presentOrNull(gifter);
		}

	}

	/**
	 * A gifted subscription.
	 *
	 * @param durationMonths the months the subscription is for
	 * @param cumulativeTotal the gifter's gifts in the channel so far, or {@code null}
	 * when anonymous
	 * @param recipient the recipient
	 * @param subTier the tier
	 * @param communityGiftId the community gift this belongs to, or {@code null}
	 */
	public record SubGift(int durationMonths, @Nullable Integer cumulativeTotal,
			@JsonUnwrapped(prefix = "recipient_user_") User recipient, SubscriptionTier subTier,
			@Nullable String communityGiftId) {

		public SubGift {
			Objects.requireNonNull(recipient, "recipient");
			Objects.requireNonNull(subTier, "subTier");
		}

	}

	/**
	 * Subscriptions gifted to the community.
	 *
	 * @param id the community gift id
	 * @param total the number of subscriptions
	 * @param subTier the tier
	 * @param cumulativeTotal the gifter's gifts in the channel so far, or {@code null}
	 * when anonymous
	 */
	public record CommunitySubGift(String id, int total, SubscriptionTier subTier, @Nullable Integer cumulativeTotal) {

		public CommunitySubGift {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(subTier, "subTier");
		}

	}

	/**
	 * A gifted subscription continued as a paid one, or a gift paid forward.
	 *
	 * @param gifterIsAnonymous whether the gifter is anonymous
	 * @param gifter the gifter, or {@code null} when anonymous
	 */
	public record GiftPaidUpgrade(boolean gifterIsAnonymous,
			@JsonUnwrapped(prefix = "gifter_user_") @Nullable User gifter) {

		public GiftPaidUpgrade {
			gifter = User.presentOrNull(gifter);
		}

	}

	/**
	 * A Prime subscription continued as a paid one.
	 *
	 * @param subTier the new tier
	 */
	public record PrimePaidUpgrade(SubscriptionTier subTier) {

		public PrimePaidUpgrade {
			Objects.requireNonNull(subTier, "subTier");
		}

	}

	/**
	 * An incoming raid.
	 *
	 * @param user the raiding broadcaster
	 * @param viewerCount the viewers raiding
	 * @param profileImageUrl the raiding broadcaster's profile image
	 */
	public record Raid(@JsonUnwrapped(prefix = "user_") User user, int viewerCount, String profileImageUrl) {

		public Raid {
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(profileImageUrl, "profileImageUrl");
		}

	}

	/**
	 * A cancelled raid: Twitch sends an empty object.
	 */
	public record Unraid() {

	}

	/**
	 * An announcement.
	 *
	 * @param color the announcement's colour, for example {@code PRIMARY} or {@code BLUE}
	 */
	public record Announcement(String color) {

		public Announcement {
			Objects.requireNonNull(color, "color");
		}

	}

	/**
	 * A Bits badge tier earned.
	 *
	 * @param tier the tier, for example {@code 1000}
	 */
	public record BitsBadgeTier(int tier) {

	}

	/**
	 * A charity donation.
	 *
	 * @param charityName the charity
	 * @param amount the amount donated
	 */
	public record CharityDonation(String charityName, Amount amount) {

		public CharityDonation {
			Objects.requireNonNull(charityName, "charityName");
			Objects.requireNonNull(amount, "amount");
		}

	}

	/**
	 * An amount of money in the currency's minor unit.
	 *
	 * @param value the amount, for example {@code 500} for 5.00 USD
	 * @param decimalPlace the currency's decimal places
	 * @param currency the ISO 4217 currency code
	 */
	public record Amount(int value, int decimalPlace, String currency) {

		public Amount {
			Objects.requireNonNull(currency, "currency");
		}

	}

}
