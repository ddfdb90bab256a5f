package io.github.twitchjvm.pubsub.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.twitchjvm.core.json.JsonScanner;

import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link WhisperCodec} for the whisper as Twitch sends it: a
 * {@code whisper_received} or {@code whisper_sent} with every field of its type, and
 * every field that has a value in all whispers present. One pass with a
 * {@link JsonScanner} skips the {@code data} string, reads {@code data_object} and calls
 * the records' constructors directly (data binding cost about three times as much per
 * whisper, most of it in finding and filling creator properties).
 *
 * <p>
 * It gives up on anything the general path treats specially: a mistyped field, a missing
 * or {@code null} one that every whisper has, a key given twice, another message type,
 * the 2017 shape without {@code data_object}, text that is not valid JSON. The general
 * path then decodes the message from its start, with its leniency rules and errors. So
 * the fast path never decodes a message differently from the general path;
 * {@code WhisperFastPathTest} checks that on changed and damaged variants of real
 * whispers.
 */
final class WhisperFastPath {

	private WhisperFastPath() {
	}

	/**
	 * Decodes a whisper of the usual shape.
	 * @param json the inner message
	 * @return the whisper, or {@code null} for the general path to decode
	 */
	static @Nullable WhisperEvent decode(String json) {
		try {
			return message(new JsonScanner(json));
		}
		catch (RuntimeException ex) {
			if (ex == JsonScanner.GIVE_UP) {
				return null;
			}
			throw ex;
		}
	}

	private static WhisperEvent message(JsonScanner json) {
		String type = null;
		WhisperEvent.Whisper whisper = null;
		Fields fields = new Fields();
		json.beginObject();
		while (json.nextName()) {
			if (json.nameIs("type")) {
				fields.once(0);
				type = json.string();
			}
			else if (json.nameIs("data")) {
				// The same content as data_object, escaped: checked, not kept.
				fields.once(1);
				json.skipString();
			}
			else if (json.nameIs("data_object")) {
				fields.once(2);
				whisper = whisper(json);
			}
			else {
				json.skipValue();
			}
		}
		json.end();
		if ("whisper_received".equals(type)) {
			return new WhisperEvent.Received(present(whisper));
		}
		check("whisper_sent".equals(type));
		return new WhisperEvent.Sent(present(whisper));
	}

	private static WhisperEvent.Whisper whisper(JsonScanner json) {
		Fields fields = new Fields();
		String messageId = null;
		String id = null;
		String threadId = null;
		String body = null;
		Instant sentAt = null;
		String fromId = null;
		WhisperEvent.WhisperTags tags = null;
		WhisperEvent.WhisperRecipient recipient = null;
		String nonce = null;
		json.beginObject();
		while (json.nextName()) {
			if (json.nameIs("message_id")) {
				fields.once(0);
				messageId = optionalText(json);
			}
			else if (json.nameIs("id")) {
				fields.once(1);
				id = json.integerText();
			}
			else if (json.nameIs("thread_id")) {
				fields.once(2);
				threadId = json.string();
			}
			else if (json.nameIs("body")) {
				fields.once(3);
				body = json.string();
			}
			else if (json.nameIs("sent_ts")) {
				fields.once(4);
				sentAt = epochSeconds(json);
			}
			else if (json.nameIs("from_id")) {
				fields.once(5);
				fromId = json.integerText();
			}
			else if (json.nameIs("tags")) {
				fields.once(6);
				tags = tags(json);
			}
			else if (json.nameIs("recipient")) {
				fields.once(7);
				recipient = recipient(json);
			}
			else if (json.nameIs("nonce")) {
				fields.once(8);
				nonce = optionalText(json);
			}
			else {
				json.skipValue();
			}
		}
		return new WhisperEvent.Whisper(messageId, present(id), present(threadId), present(body), present(sentAt),
				present(fromId), present(tags), present(recipient), nonce);
	}

	private static WhisperEvent.WhisperTags tags(JsonScanner json) {
		Fields fields = new Fields();
		String login = null;
		String displayName = null;
		String color = null;
		String userType = null;
		boolean turbo = false;
		List<WhisperEvent.WhisperEmote> emotes = null;
		List<Badge> badges = null;
		json.beginObject();
		while (json.nextName()) {
			if (json.nameIs("login")) {
				fields.once(0);
				login = json.string();
			}
			else if (json.nameIs("display_name")) {
				fields.once(1);
				displayName = json.string();
			}
			else if (json.nameIs("color")) {
				fields.once(2);
				color = optionalText(json);
			}
			else if (json.nameIs("user_type")) {
				fields.once(3);
				userType = optionalText(json);
			}
			else if (json.nameIs("turbo")) {
				fields.once(4);
				turbo = json.bool();
			}
			else if (json.nameIs("emotes")) {
				fields.once(5);
				emotes = emotes(json);
			}
			else if (json.nameIs("badges")) {
				fields.once(6);
				badges = badges(json);
			}
			else {
				json.skipValue();
			}
		}
		// turbo has no null to tell "missing" apart.
		fields.required(4);
		return new WhisperEvent.WhisperTags(present(login), present(displayName), color, userType, turbo,
				present(emotes), present(badges));
	}

	private static WhisperEvent.WhisperRecipient recipient(JsonScanner json) {
		Fields fields = new Fields();
		String id = null;
		String username = null;
		String displayName = null;
		String color = null;
		String userType = null;
		boolean turbo = false;
		List<Badge> badges = null;
		String profileImage = null;
		json.beginObject();
		while (json.nextName()) {
			if (json.nameIs("id")) {
				fields.once(0);
				id = json.integerText();
			}
			else if (json.nameIs("username")) {
				fields.once(1);
				username = json.string();
			}
			else if (json.nameIs("display_name")) {
				fields.once(2);
				displayName = json.string();
			}
			else if (json.nameIs("color")) {
				fields.once(3);
				color = optionalText(json);
			}
			else if (json.nameIs("user_type")) {
				fields.once(4);
				userType = optionalText(json);
			}
			else if (json.nameIs("turbo")) {
				fields.once(5);
				turbo = json.bool();
			}
			else if (json.nameIs("badges")) {
				fields.once(6);
				badges = badges(json);
			}
			else if (json.nameIs("profile_image")) {
				fields.once(7);
				profileImage = optionalText(json);
			}
			else {
				json.skipValue();
			}
		}
		fields.required(5);
		return new WhisperEvent.WhisperRecipient(present(id), present(username), present(displayName), color, userType,
				turbo, present(badges), profileImage);
	}

	private static List<WhisperEvent.WhisperEmote> emotes(JsonScanner json) {
		List<WhisperEvent.WhisperEmote> emotes = new ArrayList<>(2);
		json.beginArray();
		while (json.nextElement()) {
			Fields fields = new Fields();
			String emoteId = null;
			int first = 0;
			int last = 0;
			json.beginObject();
			while (json.nextName()) {
				if (json.nameIs("emote_id")) {
					fields.once(0);
					emoteId = json.string();
				}
				else if (json.nameIs("start")) {
					fields.once(1);
					first = json.intValue();
				}
				else if (json.nameIs("end")) {
					fields.once(2);
					last = json.intValue();
				}
				else {
					json.skipValue();
				}
			}
			fields.required(1);
			fields.required(2);
			emotes.add(new WhisperEvent.WhisperEmote(present(emoteId), first, last));
		}
		return emotes;
	}

	private static List<Badge> badges(JsonScanner json) {
		List<Badge> badges = new ArrayList<>(2);
		json.beginArray();
		while (json.nextElement()) {
			Fields fields = new Fields();
			String id = null;
			String version = null;
			json.beginObject();
			while (json.nextName()) {
				if (json.nameIs("id")) {
					fields.once(0);
					id = json.string();
				}
				else if (json.nameIs("version")) {
					fields.once(1);
					version = json.string();
				}
				else {
					json.skipValue();
				}
			}
			badges.add(new Badge(present(id), present(version)));
		}
		return badges;
	}

	/** A string that may be left out, null, or empty for "none". */
	private static @Nullable String optionalText(JsonScanner json) {
		if (json.nullValue()) {
			return null;
		}
		String value = json.string();
		return value.isEmpty() ? null : value;
	}

	private static Instant epochSeconds(JsonScanner json) {
		try {
			return Instant.ofEpochSecond(json.longValue());
		}
		catch (DateTimeException ex) {
			throw JsonScanner.GIVE_UP;
		}
	}

	private static <T> T present(@Nullable T value) {
		if (value == null) {
			throw JsonScanner.GIVE_UP;
		}
		return value;
	}

	private static void check(boolean condition) {
		if (!condition) {
			throw JsonScanner.GIVE_UP;
		}
	}

	/** Which of an object's known fields were read, to give up on a repeated one. */
	private static final class Fields {

		private int seen;

		void once(int field) {
			int bit = 1 << field;
			check((this.seen & bit) == 0);
			this.seen |= bit;
		}

		/** Gives up unless this field was read. */
		void required(int field) {
			check((this.seen & (1 << field)) != 0);
		}

	}

}
