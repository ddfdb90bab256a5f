package io.github.twitchjvm.pubsub.message;

import java.util.List;
import java.util.Objects;

import io.github.twitchjvm.jackson.EmptyAsNull;
import io.github.twitchjvm.jackson.Lists;
import io.github.twitchjvm.jackson.OptionalText;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * The sender of a chat message held by AutoMod or sent by a low-trust user.
 *
 * @param userId the sender's user id
 * @param login the sender's login, or {@code null} when Twitch sent it empty
 * @param displayName the sender's display name, or {@code null} when Twitch sent it empty
 * @param chatColor the sender's name colour such as {@code "#FF4500"}, or {@code null}
 * when not set
 * @param badges the sender's badges in the channel
 */
public record ChatSender(String userId, @OptionalText @Nullable String login,
		@OptionalText @Nullable String displayName,
		@JsonDeserialize(using = EmptyAsNull.class) @Nullable String chatColor, List<Badge> badges) {

	public ChatSender {
		Objects.requireNonNull(userId, "userId");
		badges = Lists.copyOf(badges);
	}

}
