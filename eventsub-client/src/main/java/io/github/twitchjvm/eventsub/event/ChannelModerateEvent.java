package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.twitchjvm.jackson.Lists;
import io.github.twitchjvm.jackson.OptionalText;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.moderate} version 2: a moderator acted in a channel. Replaces PubSub's
 * {@code chat_moderator_actions}. {@code action} says which of the per-action objects is
 * set; the others are {@code null}. Actions without an object ({@code clear},
 * {@code emoteonly}, {@code followersoff}...) have none set.
 *
 * @param broadcaster the channel
 * @param sourceBroadcaster the channel where the action happened, or {@code null} when it
 * happened in this one (Shared Chat)
 * @param moderator the moderator
 * @param action the action
 * @param followers the followers-only setting ({@code followers})
 * @param slow the slow mode setting ({@code slow})
 * @param vip the user made VIP ({@code vip})
 * @param unvip the user no longer VIP ({@code unvip})
 * @param mod the user made moderator ({@code mod})
 * @param unmod the user no longer moderator ({@code unmod})
 * @param ban the ban ({@code ban})
 * @param unban the unbanned user ({@code unban})
 * @param timeout the timeout ({@code timeout})
 * @param untimeout the user whose timeout was lifted ({@code untimeout})
 * @param raid the raid ({@code raid})
 * @param unraid the cancelled raid's target ({@code unraid})
 * @param delete the deleted message ({@code delete})
 * @param automodTerms the changed terms ({@code add_blocked_term} and the other term
 * actions)
 * @param unbanRequest the resolved unban request ({@code approve_unban_request},
 * {@code deny_unban_request})
 * @param warn the warning ({@code warn})
 * @param sharedChatBan a ban in Shared Chat ({@code shared_chat_ban})
 * @param sharedChatUnban an unban in Shared Chat ({@code shared_chat_unban})
 * @param sharedChatTimeout a timeout in Shared Chat ({@code shared_chat_timeout})
 * @param sharedChatUntimeout a lifted timeout in Shared Chat
 * ({@code shared_chat_untimeout})
 * @param sharedChatDelete a deleted message in Shared Chat ({@code shared_chat_delete})
 */
public record ChannelModerateEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "source_broadcaster_user_") @Nullable User sourceBroadcaster,
		@JsonUnwrapped(prefix = "moderator_user_") User moderator, Action action, @Nullable Followers followers,
		@Nullable Slow slow, @Nullable Target vip, @Nullable Target unvip, @Nullable Target mod, @Nullable Target unmod,
		@Nullable Ban ban, @Nullable Target unban, @Nullable Timeout timeout, @Nullable Target untimeout,
		@Nullable Raid raid, @Nullable Target unraid, @Nullable Delete delete, @Nullable AutomodTerms automodTerms,
		@Nullable UnbanRequest unbanRequest, @Nullable Warn warn, @Nullable Ban sharedChatBan,
		@Nullable Target sharedChatUnban, @Nullable Timeout sharedChatTimeout, @Nullable Target sharedChatUntimeout,
		@Nullable Delete sharedChatDelete) implements EventSubEvent {

	public ChannelModerateEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		sourceBroadcaster = User.presentOrNull(sourceBroadcaster);
		Objects.requireNonNull(moderator, "moderator");
		Objects.requireNonNull(action, "action");
	}

	/** The moderation actions. */
	public enum Action {

		/** A user was banned. */
		BAN,

		/** A user was timed out. */
		TIMEOUT,

		/** A user was unbanned. */
		UNBAN,

		/** A user's timeout was lifted. */
		UNTIMEOUT,

		/** The chat was cleared. */
		CLEAR,

		/** Emote-only mode on. */
		EMOTEONLY,

		/** Emote-only mode off. */
		EMOTEONLYOFF,

		/** Followers-only mode on. */
		FOLLOWERS,

		/** Followers-only mode off. */
		FOLLOWERSOFF,

		/** Unique-chat mode on. */
		UNIQUECHAT,

		/** Unique-chat mode off. */
		UNIQUECHATOFF,

		/** Slow mode on. */
		SLOW,

		/** Slow mode off. */
		SLOWOFF,

		/** Subscribers-only mode on. */
		SUBSCRIBERS,

		/** Subscribers-only mode off. */
		SUBSCRIBERSOFF,

		/** A raid was cancelled. */
		UNRAID,

		/** A message was deleted. */
		DELETE,

		/** A user lost VIP status. */
		UNVIP,

		/** A user was made VIP. */
		VIP,

		/** A raid was started. */
		RAID,

		/** A blocked term was added. */
		ADD_BLOCKED_TERM,

		/** A permitted term was added. */
		ADD_PERMITTED_TERM,

		/** A blocked term was removed. */
		REMOVE_BLOCKED_TERM,

		/** A permitted term was removed. */
		REMOVE_PERMITTED_TERM,

		/** A user was made moderator. */
		MOD,

		/** A user lost moderator status. */
		UNMOD,

		/** An unban request was approved. */
		APPROVE_UNBAN_REQUEST,

		/** An unban request was denied. */
		DENY_UNBAN_REQUEST,

		/** A user was warned (version 2). */
		WARN,

		/** A user was banned in Shared Chat. */
		SHARED_CHAT_BAN,

		/** A user was timed out in Shared Chat. */
		SHARED_CHAT_TIMEOUT,

		/** A user was unbanned in Shared Chat. */
		SHARED_CHAT_UNBAN,

		/** A timeout was lifted in Shared Chat. */
		SHARED_CHAT_UNTIMEOUT,

		/** A message was deleted in Shared Chat. */
		SHARED_CHAT_DELETE,

		/** An action this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * The user an action is about ({@code user_id}, {@code user_login},
	 * {@code user_name}).
	 *
	 * @param user the user
	 */
	public record Target(@JsonUnwrapped(prefix = "user_") User user) {

		public Target {
			Objects.requireNonNull(user, "user");
		}

	}

	/**
	 * The followers-only setting.
	 *
	 * @param followDurationMinutes how long users must have followed to chat
	 */
	public record Followers(int followDurationMinutes) {

	}

	/**
	 * The slow mode setting.
	 *
	 * @param waitTimeSeconds the wait between messages
	 */
	public record Slow(int waitTimeSeconds) {

	}

	/**
	 * A ban.
	 *
	 * @param user the banned user
	 * @param reason the reason given, or {@code null} when none
	 */
	public record Ban(@JsonUnwrapped(prefix = "user_") User user, @OptionalText @Nullable String reason) {

		public Ban {
			Objects.requireNonNull(user, "user");
		}

	}

	/**
	 * A timeout.
	 *
	 * @param user the user timed out
	 * @param reason the reason given, or {@code null} when none
	 * @param expiresAt when the timeout ends
	 */
	public record Timeout(@JsonUnwrapped(prefix = "user_") User user, @OptionalText @Nullable String reason,
			Instant expiresAt) {

		public Timeout {
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(expiresAt, "expiresAt");
		}

	}

	/**
	 * A raid.
	 *
	 * @param user the raided channel's broadcaster
	 * @param viewerCount the viewers raiding
	 */
	public record Raid(@JsonUnwrapped(prefix = "user_") User user, int viewerCount) {

		public Raid {
			Objects.requireNonNull(user, "user");
		}

	}

	/**
	 * A deleted message.
	 *
	 * @param user the message's sender
	 * @param messageId the message id
	 * @param messageBody the message's text
	 */
	public record Delete(@JsonUnwrapped(prefix = "user_") User user, String messageId, String messageBody) {

		public Delete {
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(messageId, "messageId");
			Objects.requireNonNull(messageBody, "messageBody");
		}

	}

	/**
	 * A change to the AutoMod term lists.
	 *
	 * @param action whether terms were added or removed
	 * @param list which list
	 * @param terms the terms, never {@code null}
	 * @param fromAutomod whether the change came from approving or denying a held message
	 */
	public record AutomodTerms(TermsAction action, TermsList list, List<String> terms, boolean fromAutomod) {

		public AutomodTerms {
			Objects.requireNonNull(action, "action");
			Objects.requireNonNull(list, "list");
			terms = Lists.copyOf(terms);
		}

	}

	/** Added or removed. */
	public enum TermsAction {

		/** Terms were added. */
		ADD,

		/** Terms were removed. */
		REMOVE,

		/** A value this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/** The AutoMod term lists. */
	public enum TermsList {

		/** Blocked terms. */
		BLOCKED,

		/** Permitted terms. */
		PERMITTED,

		/** A list this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * A resolved unban request.
	 *
	 * @param isApproved whether it was approved
	 * @param user the banned user
	 * @param moderatorMessage the moderator's explanation, empty when none
	 */
	public record UnbanRequest(boolean isApproved, @JsonUnwrapped(prefix = "user_") User user,
			String moderatorMessage) {

		public UnbanRequest {
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(moderatorMessage, "moderatorMessage");
		}

	}

	/**
	 * A warning.
	 *
	 * @param user the warned user
	 * @param reason the reason given, or {@code null} when none
	 * @param chatRulesCited the chat rules cited, never {@code null}
	 */
	public record Warn(@JsonUnwrapped(prefix = "user_") User user, @OptionalText @Nullable String reason,
			List<String> chatRulesCited) {

		public Warn {
			Objects.requireNonNull(user, "user");
			chatRulesCited = Lists.copyOf(chatRulesCited);
		}

	}

}
