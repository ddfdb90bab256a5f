package io.github.twitchjvm.pubsub.message;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.twitchjvm.jackson.Lists;

import org.jspecify.annotations.Nullable;

/**
 * One fragment of a chat message. At most one of {@code emoticon}, {@code userMention}
 * and {@code link} is set; {@code automod} says what AutoMod found in the fragment.
 * Twitch wrote a few keys here in camelCase ({@code isCensored}, {@code emoticonID},
 * {@code userID}) inside otherwise snake_case JSON.
 *
 * @param text the fragment's text
 * @param automod what AutoMod found, or {@code null}
 * @param emoticon the emote, or {@code null}
 * @param userMention the mentioned user, or {@code null}
 * @param link the link, or {@code null}
 */
public record MessageFragment(String text, @Nullable Automod automod, @Nullable Emoticon emoticon,
		@Nullable UserMention userMention, @Nullable Link link) {

	public MessageFragment {
		Objects.requireNonNull(text, "text");
	}

	/**
	 * What AutoMod found in a fragment.
	 *
	 * @param topics the harm categories and their levels, for example {@code {"vulgar":
	 * 6}}
	 * @param isChannelBlockedTerm whether the fragment is one of the channel's blocked
	 * terms
	 * @param isCensored whether Twitch masked the fragment
	 */
	public record Automod(@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> topics,
			boolean isChannelBlockedTerm,
			@JsonProperty("isCensored") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean isCensored) {

		public Automod {
			topics = Lists.copyOf(topics);
		}

	}

	/**
	 * An emote.
	 *
	 * @param emoticonId the emote id
	 * @param emoticonSetId the emote set id
	 */
	public record Emoticon(@JsonProperty("emoticonID") String emoticonId,
			@JsonProperty("emoticonSetID") String emoticonSetId) {

		public Emoticon {
			Objects.requireNonNull(emoticonId, "emoticonId");
			Objects.requireNonNull(emoticonSetId, "emoticonSetId");
		}

	}

	/**
	 * A mentioned user.
	 *
	 * @param userId the user's id
	 * @param login the user's login
	 * @param displayName the user's display name
	 */
	public record UserMention(@JsonProperty("userID") String userId, String login, String displayName) {

		public UserMention {
			Objects.requireNonNull(userId, "userId");
			Objects.requireNonNull(login, "login");
			Objects.requireNonNull(displayName, "displayName");
		}

	}

	/**
	 * A link.
	 *
	 * @param host the link's host name
	 */
	public record Link(String host) {

		public Link {
			Objects.requireNonNull(host, "host");
		}

	}

}
