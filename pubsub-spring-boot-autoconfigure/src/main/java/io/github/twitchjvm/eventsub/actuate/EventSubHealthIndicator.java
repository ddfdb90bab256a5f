package io.github.twitchjvm.eventsub.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSnapshot;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The EventSub client's health: {@code UP} when it is started and every subscription is
 * enabled, or waits for a session or for Twitch for less than the grace period (a
 * reconnect in progress is no outage); {@code DOWN} when a subscription waited longer, or
 * one failed or was revoked; {@code OUT_OF_SERVICE} when the client is stopped. The same
 * rules as the PubSub indicator's, with subscriptions in the place of topics.
 * <p>
 * A subscription's wait counts from when its session was lost (as the
 * {@link EventSubActivity} of the auto-configured client saw it), however often it was
 * retried since; a subscription Twitch never accepted yet, or a client without that
 * activity, counts from when this indicator first saw it waiting, which health probes
 * read often. The details show the sessions (user, Twitch's session id, subscriptions,
 * welcomed), the subscriptions by state, the failed and revoked ones with their reasons
 * (escaped and cut), the time since the last notification and the reconnects by cause;
 * never a token.
 */
public class EventSubHealthIndicator implements HealthIndicator {

	private final EventSubClient client;

	private final @Nullable EventSubActivity activity;

	private final Duration gracePeriod;

	/** When this indicator first saw a subscription waiting, for those not known to. */
	private final Map<UUID, Instant> firstSeenWaiting = new ConcurrentHashMap<>();

	/**
	 * Creates the indicator.
	 * @param client the client
	 * @param activity the activity the client reports to, or {@code null} when it reports
	 * to none (an application's own client)
	 * @param gracePeriod how long a subscription may wait for a session or for Twitch
	 * before the client is {@code DOWN}
	 */
	public EventSubHealthIndicator(EventSubClient client, @Nullable EventSubActivity activity, Duration gracePeriod) {
		this.client = client;
		this.activity = activity;
		this.gracePeriod = gracePeriod;
	}

	@Override
	public Health health() {
		boolean running = this.client.isRunning();
		EventSubSnapshot snapshot = this.client.snapshot();
		Instant now = Instant.now();
		Health.Builder health;
		List<String> problems = new ArrayList<>();
		if (!running) {
			this.firstSeenWaiting.clear();
			health = Health.outOfService();
		}
		else {
			Set<UUID> waiting = new HashSet<>();
			for (EventSubSubscription subscription : snapshot.subscriptions()) {
				SubscriptionState state = subscription.state();
				if (state == SubscriptionState.PENDING) {
					waiting.add(subscription.id());
					Duration waited = Duration.between(waitingSince(subscription, now), now);
					if (waited.compareTo(this.gracePeriod) > 0) {
						problems.add("subscription " + name(subscription) + " has waited " + waited.toSeconds()
								+ " s for a session or for Twitch");
					}
				}
				else if (state == SubscriptionState.FAILED || state == SubscriptionState.REVOKED) {
					problems.add("subscription " + name(subscription) + " is " + state);
				}
			}
			this.firstSeenWaiting.keySet().retainAll(waiting);
			health = problems.isEmpty() ? Health.up() : Health.down();
		}
		if (!problems.isEmpty()) {
			health.withDetail("problems", problems);
		}
		health.withDetail("sessions", sessions(snapshot));
		health.withDetail("subscriptions", subscriptionsByState(snapshot));
		List<Map<String, Object>> failures = failures(snapshot);
		if (!failures.isEmpty()) {
			health.withDetail("failedSubscriptions", failures);
		}
		if (this.activity != null) {
			Instant last = this.activity.lastNotificationAt();
			health.withDetail("sinceLastNotification",
					(last != null) ? Duration.between(last, now).toString() : "never");
		}
		health.withDetail("reconnects", snapshot.counters().reconnects());
		return health.build();
	}

	/**
	 * From the loss of its session, not from the last attempt: each retry would restart
	 * the grace period.
	 */
	private Instant waitingSince(EventSubSubscription subscription, Instant now) {
		Instant seen = this.firstSeenWaiting.computeIfAbsent(subscription.id(), (id) -> now);
		Instant lost = (this.activity != null) ? this.activity.waitingSince(subscription) : null;
		return (lost != null && lost.isBefore(seen)) ? lost : seen;
	}

	private static List<Map<String, Object>> sessions(EventSubSnapshot snapshot) {
		List<Map<String, Object>> sessions = new ArrayList<>();
		for (EventSubSnapshot.SessionView view : snapshot.sessions()) {
			Map<String, Object> session = new LinkedHashMap<>();
			session.put("user", view.userId());
			session.put("sessionId", (view.sessionId() != null) ? view.sessionId() : "");
			session.put("subscriptions", view.subscriptions());
			session.put("welcomed", view.welcomed());
			sessions.add(session);
		}
		return sessions;
	}

	private static Map<SubscriptionState, Integer> subscriptionsByState(EventSubSnapshot snapshot) {
		Map<SubscriptionState, Integer> byState = new EnumMap<>(SubscriptionState.class);
		for (EventSubSubscription subscription : snapshot.subscriptions()) {
			byState.merge(subscription.state(), 1, Integer::sum);
		}
		return byState;
	}

	private static List<Map<String, Object>> failures(EventSubSnapshot snapshot) {
		List<Map<String, Object>> failures = new ArrayList<>();
		for (EventSubSubscription subscription : snapshot.subscriptions()) {
			SubscriptionState state = subscription.state();
			if (state == SubscriptionState.FAILED || state == SubscriptionState.REVOKED) {
				Map<String, Object> failure = new LinkedHashMap<>();
				failure.put("type", subscription.type());
				failure.put("version", subscription.version());
				failure.put("condition", subscription.condition());
				failure.put("state", state);
				String reason = FailureText.of(subscription);
				failure.put("reason", (reason != null) ? reason : "");
				failures.add(failure);
			}
		}
		return failures;
	}

	/** Such as {@code channel.cheer v1 {broadcaster_user_id=1337}}. */
	private static String name(EventSubSubscription subscription) {
		return subscription.type() + " v" + subscription.version() + " " + subscription.condition();
	}

}
