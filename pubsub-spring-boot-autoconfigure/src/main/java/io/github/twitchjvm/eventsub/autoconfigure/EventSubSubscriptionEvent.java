package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import org.jspecify.annotations.Nullable;

/**
 * A subscription was enabled by Twitch, failed (Twitch refused it, or a limit), or was
 * revoked by Twitch (its user withdrew the authorization, was removed, or the version was
 * retired). A failed or revoked subscription is not retried: the application may
 * subscribe anew, typically after the user authorized it again.
 */
public final class EventSubSubscriptionEvent extends EventSubClientEvent {

	private final EventSubSubscription subscription;

	private final SubscriptionState state;

	private final @Nullable String reason;

	EventSubSubscriptionEvent(EventSubClient client, EventSubSubscription subscription, SubscriptionState state,
			@Nullable String reason) {
		super(client);
		this.subscription = subscription;
		this.state = state;
		this.reason = reason;
	}

	/**
	 * The subscription's handle.
	 * @return the subscription
	 */
	public EventSubSubscription getSubscription() {
		return this.subscription;
	}

	/**
	 * What happened: {@link SubscriptionState#ENABLED}, {@link SubscriptionState#FAILED}
	 * or {@link SubscriptionState#REVOKED}.
	 * @return the state it reached
	 */
	public SubscriptionState getState() {
		return this.state;
	}

	/**
	 * Why it failed (the failure's message) or was revoked (Twitch's status, such as
	 * {@code authorization_revoked}).
	 * @return the reason, or {@code null} when enabled
	 */
	public @Nullable String getReason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return "EventSubSubscriptionEvent[" + this.subscription + " " + this.state
				+ ((this.reason != null) ? ": " + this.reason : "") + "]";
	}

}
