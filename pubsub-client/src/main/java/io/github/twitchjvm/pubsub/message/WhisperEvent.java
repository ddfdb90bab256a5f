package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.twitchjvm.jackson.EmptyAsNull;
import io.github.twitchjvm.jackson.Lists;
import io.github.twitchjvm.jackson.OptionalText;
import io.github.twitchjvm.jackson.TwitchTimestamps;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code whispers.<user_id>}: a whisper the user received or sent, or a
 * change to a whisper thread's read state.
 *
 * <p>
 * On the wire a whisper is nested three JSON levels deep: the frame's
 * {@code data.message} string holds {@code {"type", "data", "data_object"}}, where
 * {@code data} is yet another JSON string and {@code data_object} the same content as an
 * object. The decoder reads the content once, from {@code data_object} when present.
 */
public sealed interface WhisperEvent extends PubSubPayload
		permits WhisperEvent.Received, WhisperEvent.Sent, WhisperEvent.ThreadUpdate, WhisperEvent.Unknown {

	/**
	 * {@code whisper_received}: the user received a whisper.
	 *
	 * @param whisper the whisper
	 */
	record Received(Whisper whisper) implements WhisperEvent {

		public Received {
			Objects.requireNonNull(whisper, "whisper");
		}

	}

	/**
	 * {@code whisper_sent}: the user sent a whisper (from another session, for example
	 * the website).
	 *
	 * @param whisper the whisper
	 */
	record Sent(Whisper whisper) implements WhisperEvent {

		public Sent {
			Objects.requireNonNull(whisper, "whisper");
		}

	}

	/**
	 * {@code thread}: the read state or settings of a whisper thread changed.
	 *
	 * @param id the thread id, {@code "<lowerUserId>_<higherUserId>"}
	 * @param lastRead the id of the last whisper read in the thread
	 * @param archived whether the thread is archived
	 * @param muted whether the thread is muted
	 * @param spamInfo Twitch's spam assessment of the thread
	 * @param whitelistedUntil until when the thread bypasses whisper restrictions, or
	 * {@code null}
	 */
	record ThreadUpdate(String id, long lastRead, boolean archived, boolean muted, @Nullable SpamInfo spamInfo,
			@Nullable Instant whitelistedUntil) implements WhisperEvent {

		public ThreadUpdate {
			Objects.requireNonNull(id, "id");
		}

	}

	/**
	 * A whisper message type this version does not know.
	 *
	 * @param type the message's {@code type}
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements WhisperEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

	/**
	 * One whisper.
	 *
	 * @param messageId the message's UUID; {@code null} in older frames
	 * @param id the whisper's numeric id (a JSON number on the wire)
	 * @param threadId the thread, {@code "<lowerUserId>_<higherUserId>"}
	 * @param body the text
	 * @param sentAt when it was sent, to the second ({@code sent_ts}, Unix seconds on the
	 * wire)
	 * @param fromId the sender's user id (a JSON number on the wire)
	 * @param tags the sender's chat identity
	 * @param recipient the recipient
	 * @param nonce the sending client's nonce, or {@code null}
	 */
	record Whisper(@JsonDeserialize(using = EmptyAsNull.class) @Nullable String messageId,
			@JsonSerialize(using = NumericId.class) String id, String threadId, String body,
			@JsonProperty("sent_ts") @JsonDeserialize(
					using = TwitchTimestamps.EpochSecondsDeserializer.class) @JsonSerialize(
							using = TwitchTimestamps.EpochSecondsSerializer.class) Instant sentAt,
			@JsonSerialize(using = NumericId.class) String fromId, WhisperTags tags, WhisperRecipient recipient,
			@JsonDeserialize(using = EmptyAsNull.class) @Nullable String nonce) {

		public Whisper {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(threadId, "threadId");
			Objects.requireNonNull(body, "body");
			Objects.requireNonNull(sentAt, "sentAt");
			Objects.requireNonNull(fromId, "fromId");
			Objects.requireNonNull(tags, "tags");
			Objects.requireNonNull(recipient, "recipient");
		}

	}

	/**
	 * The sender's chat identity attached to a whisper.
	 *
	 * @param login the sender's login
	 * @param displayName the sender's display name
	 * @param color the sender's name colour, or {@code null} when not set
	 * @param userType {@code "staff"}, {@code "admin"} and so on, or {@code null} for a
	 * normal user
	 * @param turbo whether the sender has Turbo
	 * @param emotes emotes in the body
	 * @param badges the sender's global badges
	 */
	record WhisperTags(String login, String displayName, @OptionalText @Nullable String color,
			@OptionalText @Nullable String userType, boolean turbo, List<WhisperEmote> emotes, List<Badge> badges) {

		public WhisperTags {
			Objects.requireNonNull(login, "login");
			Objects.requireNonNull(displayName, "displayName");
			emotes = Lists.copyOf(emotes);
			badges = Lists.copyOf(badges);
		}

	}

	/**
	 * An emote in a whisper's body.
	 *
	 * @param emoteId the emote id
	 * @param start the index of its first character
	 * @param end the index of its last character
	 */
	record WhisperEmote(String emoteId, int start, int end) {

		public WhisperEmote {
			Objects.requireNonNull(emoteId, "emoteId");
		}

	}

	/**
	 * The recipient of a whisper.
	 *
	 * @param id the recipient's user id (a JSON number on the wire)
	 * @param username the recipient's login
	 * @param displayName the recipient's display name
	 * @param color the recipient's name colour, or {@code null}
	 * @param userType the recipient's user type, or {@code null}
	 * @param turbo whether the recipient has Turbo
	 * @param badges the recipient's badges
	 * @param profileImage the recipient's profile image URL, or {@code null}
	 */
	record WhisperRecipient(@JsonSerialize(using = NumericId.class) String id, String username, String displayName,
			@OptionalText @Nullable String color, @OptionalText @Nullable String userType, boolean turbo,
			List<Badge> badges, @JsonDeserialize(using = EmptyAsNull.class) @Nullable String profileImage) {

		public WhisperRecipient {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(username, "username");
			Objects.requireNonNull(displayName, "displayName");
			badges = Lists.copyOf(badges);
		}

	}

	/**
	 * Twitch's spam assessment of a whisper thread.
	 *
	 * @param likelihood for example {@code "low"}
	 * @param lastMarkedNotSpam the last time the user marked the thread as not spam, as
	 * Twitch sent it
	 */
	record SpamInfo(String likelihood, long lastMarkedNotSpam) {

		public SpamInfo {
			Objects.requireNonNull(likelihood, "likelihood");
		}

	}

}
