package io.github.twitchjvm.pubsub.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.twitchjvm.jackson.EmptyAsNull;
import io.github.twitchjvm.jackson.Lists;
import io.github.twitchjvm.jackson.OptionalText;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code chat_moderator_actions.<user_id>.<channel_id>}: something a
 * moderator (or AutoMod) did in the channel. Twitch never documented these shapes; they
 * come from traffic. A single {@code /mod} produced both a {@link ModeratorAdded} and a
 * {@link ModerationAction} with {@link ActionType#MOD}.
 */
public sealed interface ChatModeratorActionEvent extends PubSubPayload
		permits ChatModeratorActionEvent.ModerationAction, ChatModeratorActionEvent.ChannelTermsAction,
		ChatModeratorActionEvent.ModeratorAdded, ChatModeratorActionEvent.ModeratorRemoved,
		ChatModeratorActionEvent.VipAdded, ChatModeratorActionEvent.VipRemoved,
		ChatModeratorActionEvent.UnbanRequestApproved, ChatModeratorActionEvent.UnbanRequestDenied,
		ChatModeratorActionEvent.Unknown {

	/**
	 * {@code moderation_action}: a chat command such as ban, timeout, slow mode or
	 * delete.
	 *
	 * @param moderationType {@code "chat_login_moderation"},
	 * {@code "chat_channel_moderation"} or {@code "chat_targeted_login_moderation"} (the
	 * {@code data.type} field)
	 * @param moderationAction the action as Twitch named it, for example
	 * {@code "timeout"}; see {@link #action()}
	 * @param args the command's arguments (their meaning depends on the action), empty
	 * when none
	 * @param createdBy the moderator's login, or {@code null} when Twitch sent it empty
	 * (it did for warnings)
	 * @param createdByUserId the moderator's user id
	 * @param createdAt when it happened, or {@code null} (older frames sent it empty)
	 * @param msgId Twitch's message id for the notice, for example
	 * {@code "timeout_success"}
	 * @param targetUserId the affected user's id, or {@code null} for channel-wide
	 * actions
	 * @param targetUserLogin the affected user's login, or {@code null} when Twitch sent
	 * it empty (it usually did; see {@link #targetLogin()})
	 * @param fromAutomod whether AutoMod took the action
	 * @param id the action's id (warnings), or {@code null}
	 */
	record ModerationAction(@JsonProperty("type") String moderationType, String moderationAction, List<String> args,
			@OptionalText @Nullable String createdBy, String createdByUserId,
			@WrittenEmptyWhenAbsent @Nullable Instant createdAt, @OptionalText @Nullable String msgId,
			@OptionalText @Nullable String targetUserId, @OptionalText @Nullable String targetUserLogin,
			boolean fromAutomod,
			@JsonDeserialize(using = EmptyAsNull.class) @Nullable String id) implements ChatModeratorActionEvent {

		public ModerationAction {
			Objects.requireNonNull(moderationType, "moderationType");
			Objects.requireNonNull(moderationAction, "moderationAction");
			Objects.requireNonNull(createdByUserId, "createdByUserId");
			// Arguments are positional: a null one becomes "" instead of shifting the
			// others.
			args = Lists.copyOfReplacingNulls(args, "");
		}

		/**
		 * The action as a constant.
		 * @return the action, {@link ActionType#UNRECOGNIZED} for one this version does
		 * not know
		 */
		public ActionType action() {
			return ActionType.fromWireName(this.moderationAction);
		}

		/**
		 * The login of the affected user: {@code target_user_login}, or the first
		 * argument of actions that name a user, since Twitch left
		 * {@code target_user_login} empty for most of them.
		 * @return the login, or {@code null} for actions without a target
		 */
		public @Nullable String targetLogin() {
			if (this.targetUserLogin != null) {
				return this.targetUserLogin;
			}
			return (action().targetsUser() && !this.args.isEmpty()) ? emptyToNull(this.args.get(0)) : null;
		}

		/**
		 * The reason a moderator gave for a ban, timeout or warning.
		 * @return the reason, or {@code null} when none was given or the action takes
		 * none
		 */
		public @Nullable String reason() {
			return switch (action()) {
				case BAN, WARN -> argument(1);
				case TIMEOUT -> argument(2);
				default -> null;
			};
		}

		/**
		 * The duration of a timeout, of slow mode (between messages) or of followers-only
		 * mode (minimum follow age).
		 * @return the duration, or {@code null} when the action has none or the argument
		 * is not a non-negative number
		 */
		public @Nullable Duration duration() {
			return switch (action()) {
				case TIMEOUT -> seconds(argument(1));
				case SLOW -> seconds(argument(0));
				case FOLLOWERS -> {
					Duration minutes = seconds(argument(0));
					yield (minutes != null) ? Duration.ofMinutes(minutes.getSeconds()) : null;
				}
				default -> null;
			};
		}

		private @Nullable String argument(int index) {
			return (index < this.args.size()) ? emptyToNull(this.args.get(index)) : null;
		}

		private static @Nullable Duration seconds(@Nullable String value) {
			if (value == null) {
				return null;
			}
			try {
				long amount = Long.parseLong(value.trim());
				// Bounded so that minutes convert without overflow; no real mode lasts
				// 30,000 years.
				return (amount < 0 || amount > 1_000_000_000_000L) ? null : Duration.ofSeconds(amount);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		private static @Nullable String emptyToNull(@Nullable String value) {
			return (value == null || value.isEmpty()) ? null : value;
		}

	}

	/**
	 * {@code channel_terms_action}: a blocked or permitted term was added or deleted, by
	 * a moderator or by AutoMod when a moderator allowed or denied a held message.
	 *
	 * @param termAction what happened to the term (the {@code data.type} field)
	 * @param id the term's id
	 * @param text the term
	 * @param requesterId who asked for it
	 * @param requesterLogin that user's login
	 * @param channelId the channel
	 * @param expiresAt when the term expires, or {@code null} for never (sent empty)
	 * @param updatedAt when it changed
	 * @param fromAutomod whether AutoMod made the change
	 */
	record ChannelTermsAction(@JsonProperty("type") TermAction termAction, String id, String text, String requesterId,
			String requesterLogin, String channelId, @WrittenEmptyWhenAbsent @Nullable Instant expiresAt,
			@Nullable Instant updatedAt, boolean fromAutomod) implements ChatModeratorActionEvent {

		public ChannelTermsAction {
			Objects.requireNonNull(termAction, "termAction");
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(text, "text");
			Objects.requireNonNull(requesterId, "requesterId");
			Objects.requireNonNull(requesterLogin, "requesterLogin");
			Objects.requireNonNull(channelId, "channelId");
		}

	}

	/**
	 * {@code moderator_added}: a user was made moderator.
	 *
	 * @param channelId the channel
	 * @param targetUserId the new moderator's id
	 * @param targetUserLogin the new moderator's login, or {@code null} when sent empty
	 * @param createdByUserId who did it
	 * @param createdBy that user's login, or {@code null} when sent empty
	 * @param moderationAction {@code "mod"}, or {@code null} when absent
	 */
	record ModeratorAdded(String channelId, String targetUserId, @OptionalText @Nullable String targetUserLogin,
			String createdByUserId, @OptionalText @Nullable String createdBy,
			@Nullable String moderationAction) implements ChatModeratorActionEvent {

		public ModeratorAdded {
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(targetUserId, "targetUserId");
			Objects.requireNonNull(createdByUserId, "createdByUserId");
		}

	}

	/**
	 * {@code moderator_removed}: a moderator was removed.
	 *
	 * @param channelId the channel
	 * @param targetUserId the former moderator's id
	 * @param targetUserLogin the former moderator's login, or {@code null} when sent
	 * empty
	 * @param createdByUserId who did it
	 * @param createdBy that user's login, or {@code null} when sent empty
	 * @param moderationAction {@code "unmod"}, or {@code null} when absent
	 */
	record ModeratorRemoved(String channelId, String targetUserId, @OptionalText @Nullable String targetUserLogin,
			String createdByUserId, @OptionalText @Nullable String createdBy,
			@Nullable String moderationAction) implements ChatModeratorActionEvent {

		public ModeratorRemoved {
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(targetUserId, "targetUserId");
			Objects.requireNonNull(createdByUserId, "createdByUserId");
		}

	}

	/**
	 * {@code vip_added}: a user was made VIP.
	 *
	 * @param channelId the channel
	 * @param targetUserId the new VIP's id
	 * @param targetUserLogin the new VIP's login, or {@code null} when sent empty
	 * @param createdByUserId who did it
	 * @param createdBy that user's login, or {@code null} when sent empty
	 * @param moderationAction {@code "vip"}, or {@code null} when absent (it usually is)
	 */
	record VipAdded(String channelId, String targetUserId, @OptionalText @Nullable String targetUserLogin,
			String createdByUserId, @OptionalText @Nullable String createdBy,
			@Nullable String moderationAction) implements ChatModeratorActionEvent {

		public VipAdded {
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(targetUserId, "targetUserId");
			Objects.requireNonNull(createdByUserId, "createdByUserId");
		}

	}

	/**
	 * {@code vip_removed}: a VIP was removed.
	 *
	 * @param channelId the channel
	 * @param targetUserId the former VIP's id
	 * @param targetUserLogin the former VIP's login, or {@code null} when sent empty
	 * @param createdByUserId who did it
	 * @param createdBy that user's login, or {@code null} when sent empty
	 * @param moderationAction {@code "unvip"}, or {@code null} when absent (it usually
	 * is)
	 */
	record VipRemoved(String channelId, String targetUserId, @OptionalText @Nullable String targetUserLogin,
			String createdByUserId, @OptionalText @Nullable String createdBy,
			@Nullable String moderationAction) implements ChatModeratorActionEvent {

		public VipRemoved {
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(targetUserId, "targetUserId");
			Objects.requireNonNull(createdByUserId, "createdByUserId");
		}

	}

	/**
	 * {@code approve_unban_request}: a moderator approved a user's unban request.
	 *
	 * @param moderationAction {@code "APPROVE_UNBAN_REQUEST"}
	 * @param createdById the moderator's id
	 * @param createdByLogin the moderator's login
	 * @param moderatorMessage the note the moderator left for the user
	 * @param targetUserId the user's id
	 * @param targetUserLogin the user's login
	 */
	record UnbanRequestApproved(String moderationAction, String createdById, String createdByLogin,
			String moderatorMessage, String targetUserId, String targetUserLogin) implements ChatModeratorActionEvent {

		public UnbanRequestApproved {
			Objects.requireNonNull(moderationAction, "moderationAction");
			Objects.requireNonNull(createdById, "createdById");
			Objects.requireNonNull(createdByLogin, "createdByLogin");
			Objects.requireNonNull(moderatorMessage, "moderatorMessage");
			Objects.requireNonNull(targetUserId, "targetUserId");
			Objects.requireNonNull(targetUserLogin, "targetUserLogin");
		}

	}

	/**
	 * {@code deny_unban_request}: a moderator denied a user's unban request.
	 *
	 * @param moderationAction {@code "DENY_UNBAN_REQUEST"}
	 * @param createdById the moderator's id
	 * @param createdByLogin the moderator's login
	 * @param moderatorMessage the note the moderator left for the user
	 * @param targetUserId the user's id
	 * @param targetUserLogin the user's login
	 */
	record UnbanRequestDenied(String moderationAction, String createdById, String createdByLogin,
			String moderatorMessage, String targetUserId, String targetUserLogin) implements ChatModeratorActionEvent {

		public UnbanRequestDenied {
			Objects.requireNonNull(moderationAction, "moderationAction");
			Objects.requireNonNull(createdById, "createdById");
			Objects.requireNonNull(createdByLogin, "createdByLogin");
			Objects.requireNonNull(moderatorMessage, "moderatorMessage");
			Objects.requireNonNull(targetUserId, "targetUserId");
			Objects.requireNonNull(targetUserLogin, "targetUserLogin");
		}

	}

	/**
	 * A message type this version does not know.
	 *
	 * @param type the message's {@code type}
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements ChatModeratorActionEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

	/** What happened to a blocked or permitted term. */
	enum TermAction {

		/** A term was blocked. */
		@JsonProperty("add_blocked_term")
		ADD_BLOCKED_TERM,

		/** A term was permitted. */
		@JsonProperty("add_permitted_term")
		ADD_PERMITTED_TERM,

		/** A blocked term was removed. */
		@JsonProperty("delete_blocked_term")
		DELETE_BLOCKED_TERM,

		/** A permitted term was removed. */
		@JsonProperty("delete_permitted_term")
		DELETE_PERMITTED_TERM,

		/** An action this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * The {@code moderation_action} values seen on the wire; each constant's wire name is
	 * its name in lower case.
	 */
	enum ActionType {

		/** Permanent ban; args {@code [login, reason?]}. */
		BAN(true),
		/** Ban lifted; args {@code [login]}. */
		UNBAN(true),
		/** Timeout; args {@code [login, seconds, reason?]}. */
		TIMEOUT(true),
		/** Timeout lifted; args {@code [login]}. */
		UNTIMEOUT(true),
		/** A message deleted; args {@code [login, text, message id]}. */
		DELETE(true),
		/** Chat cleared. */
		CLEAR(false),
		/** Slow mode on; args {@code [seconds]}. */
		SLOW(false),
		/** Slow mode off. */
		SLOWOFF(false),
		/** Followers-only mode on; args {@code [minutes]}. */
		FOLLOWERS(false),
		/** Followers-only mode off. */
		FOLLOWERSOFF(false),
		/** Emote-only mode on. */
		EMOTEONLY(false),
		/** Emote-only mode off. */
		EMOTEONLYOFF(false),
		/** Subscribers-only mode on. */
		SUBSCRIBERS(false),
		/** Subscribers-only mode off. */
		SUBSCRIBERSOFF(false),
		/** Unique-chat mode on. */
		R9KBETA(false),
		/** Unique-chat mode off. */
		R9KBETAOFF(false),
		/** Moderator added; args {@code [login]}. */
		MOD(true),
		/** Moderator removed; args {@code [login]}. */
		UNMOD(true),
		/** VIP added; args {@code [login]}. */
		VIP(true),
		/** VIP removed; args {@code [login]}. */
		UNVIP(true),
		/** Host started. */
		HOST(false),
		/** Host ended. */
		UNHOST(false),
		/** Raid started; args {@code [login]}. */
		RAID(true),
		/** Raid cancelled; args {@code [login]}. */
		UNRAID(true),
		/** Warning; args {@code [login, reason]}. */
		WARN(true),
		/** A warned user acknowledged the warning. */
		ACKNOWLEDGEWARNING(false),
		/** AutoMod rejected a message. */
		AUTOMOD_REJECTED(false),
		/** A moderator approved a held message. */
		APPROVED_AUTOMOD_MESSAGE(false),
		/** A moderator denied a held message. */
		DENIED_AUTOMOD_MESSAGE(false),
		/** AutoMod rejected a message (newer name). */
		AUTOMOD_MESSAGE_REJECTED(false),
		/** A held message was approved (newer name). */
		AUTOMOD_MESSAGE_APPROVED(false),
		/** A held message was denied (newer name). */
		AUTOMOD_MESSAGE_DENIED(false),
		/** A term was blocked. */
		ADD_BLOCKED_TERM(false),
		/** A blocked term was removed. */
		DELETE_BLOCKED_TERM(false),
		/** A term was permitted. */
		ADD_PERMITTED_TERM(false),
		/** A permitted term was removed. */
		DELETE_PERMITTED_TERM(false),
		/** AutoMod settings changed; no args. */
		MODIFIED_AUTOMOD_PROPERTIES(false),
		/**
		 * Sent to the affected user when their message was deleted; args {@code [text]}.
		 */
		DELETE_NOTIFICATION(false),
		/** An action this version does not know. */
		UNRECOGNIZED(false);

		private final boolean targetsUser;

		ActionType(boolean targetsUser) {
			this.targetsUser = targetsUser;
		}

		/**
		 * Whether the action's first argument is the login of the affected user.
		 * @return {@code true} for ban, timeout, mod and the like
		 */
		public boolean targetsUser() {
			return this.targetsUser;
		}

		/**
		 * The value of {@code moderation_action} for this action.
		 * @return for example {@code "r9kbetaoff"}
		 */
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Finds the action for a {@code moderation_action} value.
		 * @param wireName the value, for example {@code "timeout"}
		 * @return the action, {@link #UNRECOGNIZED} when unknown
		 */
		public static ActionType fromWireName(@Nullable String wireName) {
			if (wireName != null) {
				for (ActionType type : values()) {
					if (type != UNRECOGNIZED && type.wireName().equals(wireName)) {
						return type;
					}
				}
			}
			return UNRECOGNIZED;
		}

	}

}
