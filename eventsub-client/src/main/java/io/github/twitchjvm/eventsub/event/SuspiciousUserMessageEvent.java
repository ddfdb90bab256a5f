package io.github.twitchjvm.eventsub.event;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.twitchjvm.jackson.Lists;

/**
 * {@code channel.suspicious_user.message} version 1: a user marked suspicious sent a
 * message. Replaces PubSub's {@code low-trust-users} (new messages).
 *
 * @param broadcaster the channel
 * @param user the suspicious user
 * @param lowTrustStatus the treatment the channel applies
 * @param sharedBanChannelIds the channels where the user is banned too, never
 * {@code null}
 * @param types why the user is suspicious, never {@code null}
 * @param banEvasionEvaluation Twitch's estimate that the user evades a ban
 * @param message the message
 */
public record SuspiciousUserMessageEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, LowTrustStatus lowTrustStatus, List<String> sharedBanChannelIds,
		List<UserType> types, BanEvasionEvaluation banEvasionEvaluation, Message message) implements EventSubEvent {

	public SuspiciousUserMessageEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(lowTrustStatus, "lowTrustStatus");
		sharedBanChannelIds = Lists.copyOf(sharedBanChannelIds);
		types = Lists.copyOf(types);
		Objects.requireNonNull(banEvasionEvaluation, "banEvasionEvaluation");
		Objects.requireNonNull(message, "message");
	}

	/** Why a user is suspicious. */
	public enum UserType {

		/** A moderator marked the user. */
		MANUALLY_ADDED,

		/** Twitch thinks the user evades a ban. */
		BAN_EVADER,

		/** The user is banned in a channel this one shares bans with. */
		BANNED_IN_SHARED_CHANNEL,

		/** A type this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/** Twitch's estimate that a user evades a ban. */
	public enum BanEvasionEvaluation {

		/** No estimate. */
		UNKNOWN,

		/** Possibly. */
		POSSIBLE,

		/** Likely. */
		LIKELY,

		/** A value this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * The suspicious user's message.
	 *
	 * @param messageId the message id
	 * @param text the message in plain text
	 * @param fragments the fragments in order, never {@code null}
	 */
	public record Message(String messageId, String text, List<MessageFragment> fragments) {

		public Message {
			Objects.requireNonNull(messageId, "messageId");
			Objects.requireNonNull(text, "text");
			fragments = Lists.copyOf(fragments);
		}

	}

}
