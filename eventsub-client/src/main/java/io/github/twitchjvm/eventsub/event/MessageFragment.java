package io.github.twitchjvm.eventsub.event;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.twitchjvm.jackson.Lists;

import org.jspecify.annotations.Nullable;

/**
 * One fragment of a chat message. The object that matches {@code type} is set, the others
 * are {@code null}.
 *
 * @param type what the fragment is
 * @param text the fragment's text
 * @param cheermote the cheermote, or {@code null}
 * @param emote the emote, or {@code null}
 * @param mention the mentioned user, or {@code null}
 */
public record MessageFragment(Type type, String text, @Nullable Cheermote cheermote, @Nullable Emote emote,
		@Nullable Mention mention) {

	public MessageFragment {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(text, "text");
	}

	/** What a fragment is. */
	public enum Type {

		/** Plain text. */
		TEXT,

		/** A cheermote: Bits cheered in the message. */
		CHEERMOTE,

		/** An emote. */
		EMOTE,

		/** A mention of a user. */
		MENTION,

		/** A fragment type this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * A cheermote: {@code prefix} followed by the number of Bits, for example
	 * {@code Cheer100}.
	 *
	 * @param prefix the name part, for example {@code cheer}
	 * @param bits the Bits cheered
	 * @param tier the tier level of the cheermote
	 */
	public record Cheermote(String prefix, int bits, int tier) {

		public Cheermote {
			Objects.requireNonNull(prefix, "prefix");
		}

	}

	/**
	 * An emote.
	 *
	 * @param id the emote id
	 * @param emoteSetId the emote set id, or {@code null} when not sent (an automatic
	 * reward's message sends only the id)
	 * @param ownerId the id of the broadcaster who owns the emote, or {@code null} when
	 * not sent
	 * @param format the formats the emote is available in ({@code static},
	 * {@code animated}); empty when not sent, and then not written
	 */
	public record Emote(String id, @Nullable String emoteSetId, @Nullable String ownerId,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> format) {

		public Emote {
			Objects.requireNonNull(id, "id");
			format = Lists.copyOf(format);
		}

	}

	/**
	 * A mentioned user ({@code user_id}, {@code user_login}, {@code user_name}).
	 *
	 * @param user the mentioned user
	 */
	public record Mention(@JsonUnwrapped(prefix = "user_") User user) {

		public Mention {
			Objects.requireNonNull(user, "user");
		}

	}

}
