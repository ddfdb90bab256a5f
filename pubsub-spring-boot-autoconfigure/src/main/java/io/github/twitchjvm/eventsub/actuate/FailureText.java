package io.github.twitchjvm.eventsub.actuate;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import org.jspecify.annotations.Nullable;

/**
 * Why a subscription failed or was revoked, as the health details and the endpoint show
 * it: escaped and cut, since the text comes from Twitch's answers.
 */
final class FailureText {

	private static final int MAX_LENGTH = 300;

	private FailureText() {
	}

	/**
	 * @param subscription the subscription
	 * @return Twitch's revocation status or the failure's message, or {@code null} when
	 * it neither failed nor was revoked
	 */
	static @Nullable String of(EventSubSubscription subscription) {
		SubscriptionState state = subscription.state();
		if (state == SubscriptionState.REVOKED) {
			String status = subscription.revocationStatus();
			return LogText.safe((status != null) ? status : "", MAX_LENGTH);
		}
		if (state == SubscriptionState.FAILED) {
			Throwable failure = subscription.failure();
			return LogText.safe((failure != null) ? String.valueOf(failure.getMessage()) : "", MAX_LENGTH);
		}
		return null;
	}

}
