package io.github.twitchjvm.eventsub;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A subscription the application made with
 * {@link EventSubClient#subscribe(String, String, Map, EventSubHandler)}: its handle,
 * stable across reconnects (Twitch's own id changes whenever the client re-creates the
 * subscription on a new session). Thread-safe.
 */
public interface EventSubSubscription {

	/**
	 * @return the client's id of the subscription, which never changes
	 */
	UUID id();

	/**
	 * @return the subscription type, such as {@code channel.cheer}
	 */
	String type();

	/**
	 * @return the subscription version, such as {@code 1}
	 */
	String version();

	/**
	 * @return the condition, such as {@code {broadcaster_user_id=1337}}
	 */
	Map<String, String> condition();

	/**
	 * @return the user whose token creates it: the condition's moderator, user or
	 * broadcaster, in that order
	 */
	String userId();

	/**
	 * @return where it stands now
	 */
	SubscriptionState state();

	/**
	 * @return Twitch's id of the subscription while it is enabled, else {@code null}
	 */
	@Nullable String twitchId();

	/**
	 * @return why Twitch revoked it (such as {@code authorization_revoked}), or
	 * {@code null} unless {@link #state()} is {@link SubscriptionState#REVOKED}
	 */
	@Nullable String revocationStatus();

	/**
	 * @return why it failed, or {@code null} unless {@link #state()} is
	 * {@link SubscriptionState#FAILED}
	 */
	@Nullable Throwable failure();

	/**
	 * @return what Twitch said the subscription costs against the user's
	 * {@code max_total_cost} when it last created it ({@code cost} in its answer), or
	 * {@code 0} before Twitch accepted it
	 */
	int cost();

}
