package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.github.twitchjvm.jackson.Lists;
import io.github.twitchjvm.jackson.OptionalText;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code low-trust-users.<moderator_id>.<channel_id>}: a suspicious user's
 * treatment changed, or a suspicious user sent a chat message.
 */
public sealed interface LowTrustUserEvent extends PubSubPayload
		permits LowTrustUserEvent.TreatmentUpdate, LowTrustUserEvent.NewMessage, LowTrustUserEvent.Unknown {

	/**
	 * {@code low_trust_user_treatment_update}: a moderator or Twitch changed how a
	 * suspicious user is treated.
	 *
	 * @param lowTrustId {@code "<channel_id>.<user_id>"}
	 * @param channelId the channel
	 * @param updatedBy who changed it (Twitch sent empty names for a while in 2023)
	 * @param updatedAt when it changed
	 * @param targetUserId the suspicious user's id
	 * @param targetUser the suspicious user's login, or {@code null} when Twitch sent it
	 * empty
	 * @param treatment the new treatment
	 * @param types why the user is suspicious
	 * @param banEvasionEvaluation Twitch's ban evasion verdict, or {@code null} when none
	 * (sent empty)
	 * @param evaluatedAt when the user was evaluated, or {@code null} (sent as Go's zero
	 * time)
	 */
	record TreatmentUpdate(String lowTrustId, String channelId, @Nullable TwitchUser updatedBy,
			@Nullable Instant updatedAt, String targetUserId, @OptionalText @Nullable String targetUser,
			Treatment treatment, List<Type> types,
			@WrittenEmptyWhenAbsent @Nullable BanEvasionEvaluation banEvasionEvaluation,
			@WrittenZeroTimeWhenAbsent @Nullable Instant evaluatedAt) implements LowTrustUserEvent {

		public TreatmentUpdate {
			Objects.requireNonNull(lowTrustId, "lowTrustId");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(targetUserId, "targetUserId");
			Objects.requireNonNull(treatment, "treatment");
			types = Lists.copyOf(types);
		}

	}

	/**
	 * {@code low_trust_user_new_message}: a suspicious user sent a chat message.
	 *
	 * @param lowTrustUser the user and their treatment
	 * @param messageContent the message
	 * @param messageId the message id
	 * @param sentAt when it was sent
	 */
	record NewMessage(LowTrustUser lowTrustUser, MessageContent messageContent, String messageId,
			Instant sentAt) implements LowTrustUserEvent {

		public NewMessage {
			Objects.requireNonNull(lowTrustUser, "lowTrustUser");
			Objects.requireNonNull(messageContent, "messageContent");
			Objects.requireNonNull(messageId, "messageId");
			Objects.requireNonNull(sentAt, "sentAt");
		}

	}

	/**
	 * A message type this version does not know.
	 *
	 * @param type the message's {@code type}
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements LowTrustUserEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

	/**
	 * A suspicious user as a new message describes them.
	 *
	 * @param id the user's id
	 * @param lowTrustId {@code "<channel_id>.<user_id>"}
	 * @param channelId the channel
	 * @param sender the user's chat identity
	 * @param evaluatedAt when the user was evaluated, or {@code null}
	 * @param updatedAt when the treatment last changed, or {@code null}
	 * @param banEvasionEvaluation Twitch's ban evasion verdict, or {@code null}
	 * @param treatment the current treatment
	 * @param updatedBy who last changed the treatment, or {@code null}
	 * @param sharedBanChannelIds channels that share a ban of this user with this one
	 * @param types why the user is suspicious
	 */
	record LowTrustUser(String id, String lowTrustId, String channelId, ChatSender sender,
			@WrittenZeroTimeWhenAbsent @Nullable Instant evaluatedAt, @Nullable Instant updatedAt,
			@WrittenEmptyWhenAbsent @Nullable BanEvasionEvaluation banEvasionEvaluation, Treatment treatment,
			@Nullable TwitchUser updatedBy, List<String> sharedBanChannelIds, List<Type> types) {

		public LowTrustUser {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(lowTrustId, "lowTrustId");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(sender, "sender");
			Objects.requireNonNull(treatment, "treatment");
			sharedBanChannelIds = Lists.copyOf(sharedBanChannelIds);
			types = Lists.copyOf(types);
		}

	}

	/** How a suspicious user is treated in the channel. */
	enum Treatment {

		/** No longer treated as suspicious. */
		NO_TREATMENT,

		/** Messages are shown to moderators with a warning. */
		ACTIVE_MONITORING,

		/** Messages are shown only to moderators. */
		RESTRICTED,

		/** A treatment this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/** Why a user is considered suspicious. */
	enum Type {

		/** Twitch's own "unknown" value. */
		UNKNOWN_TYPE,

		/** A moderator flagged the user. */
		MANUALLY_ADDED,

		/** Twitch detected a likely ban evader. */
		DETECTED_BAN_EVADER,

		/** The user is banned in a channel that shares bans with this one. */
		BANNED_IN_SHARED_CHANNEL,

		/** A reason this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/** Twitch's verdict on whether a user evades a ban. */
	enum BanEvasionEvaluation {

		/** Not known. */
		UNKNOWN_EVADER,

		/** Unlikely to be an evader. */
		UNLIKELY_EVADER,

		/** Likely an evader. */
		LIKELY_EVADER,

		/** Possibly an evader. */
		POSSIBLE_EVADER,

		/** A verdict this version does not know. */
		UNRECOGNIZED;

		/**
		 * Reads Twitch's value, which is empty when there is no verdict.
		 * @param value the wire value: a string, or anything else when the message is odd
		 * @return the verdict, {@code null} for an empty value or one that is not a
		 * string, {@link #UNRECOGNIZED} for an unknown one
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static @Nullable BanEvasionEvaluation fromWire(@Nullable Object value) {
			if (!(value instanceof String text) || text.isEmpty()) {
				return null;
			}
			for (BanEvasionEvaluation evaluation : values()) {
				if (evaluation.name().equals(text)) {
					return evaluation;
				}
			}
			return UNRECOGNIZED;
		}

	}

}
