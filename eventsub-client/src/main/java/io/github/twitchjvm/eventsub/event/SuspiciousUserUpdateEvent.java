package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code channel.suspicious_user.update} version 1: a moderator changed how a suspicious
 * user is treated. Replaces PubSub's {@code low-trust-users} (treatment updates).
 *
 * @param broadcaster the channel
 * @param moderator the moderator
 * @param user the suspicious user
 * @param lowTrustStatus the new treatment
 */
public record SuspiciousUserUpdateEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "moderator_user_") User moderator, @JsonUnwrapped(prefix = "user_") User user,
		LowTrustStatus lowTrustStatus) implements EventSubEvent {

	public SuspiciousUserUpdateEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(moderator, "moderator");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(lowTrustStatus, "lowTrustStatus");
	}

}
