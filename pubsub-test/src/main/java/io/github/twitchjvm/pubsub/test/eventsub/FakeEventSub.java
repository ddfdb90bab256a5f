package io.github.twitchjvm.pubsub.test.eventsub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Controls and inspects the fake EventSub service of a {@code FakeTwitchServer}
 * ({@code server.eventSub()}): publish notifications, duplicate or age them, reconnect or
 * close sessions, stop keepalives, revoke subscriptions, make Helix fail; list sessions
 * and subscriptions. Thread-safe.
 *
 * <pre>{@code
 * FakeEventSub eventSub = server.eventSub();
 * // a client connected to server.eventSubUri() and created a channel.cheer subscription
 * eventSub.publishSample("channel.cheer", Map.of("broadcaster_user_id", "44322889"));
 * eventSub.reconnect(eventSub.sessions().get(0).id());
 * }</pre>
 */
public final class FakeEventSub {

	/** Every scope some type the service knows asks for: a token with all of them. */
	public static final List<String> ALL_SCOPES = SubscriptionTypes.allScopes();

	/** The longest age {@code publishOld} takes. */
	private static final Duration MAX_AGE = Duration.ofDays(365);

	private static final Set<String> HELIX_METHODS = Set.of("GET", "POST", "DELETE");

	private final EventSubState state;

	private final HelixFaults helixFaults;

	private final HelixRateLimit rateLimit;

	FakeEventSub(EventSubState state, HelixFaults helixFaults, HelixRateLimit rateLimit) {
		this.state = state;
		this.helixFaults = helixFaults;
		this.rateLimit = rateLimit;
	}

	/**
	 * Sends a notification to one subscription's session.
	 * @param subscriptionId an enabled subscription
	 * @param eventJson the {@code payload.event} object
	 * @return the message id
	 * @throws IllegalArgumentException if there is no such subscription or the event is
	 * not a JSON object
	 * @throws IllegalStateException if the subscription is not enabled
	 */
	public String publish(String subscriptionId, String eventJson) {
		return publishOld(subscriptionId, eventJson, Duration.ZERO);
	}

	/**
	 * Sends {@code count} notifications to one subscription's session as fast as its
	 * socket takes them (for benchmarks), each with a message id of its own and the same
	 * event.
	 * @param subscriptionId an enabled subscription
	 * @param count how many
	 * @param eventJson the {@code payload.event} object
	 * @return completes with the count once all are written
	 * @throws IllegalArgumentException if there is no such enabled subscription or the
	 * event is not a JSON object
	 */
	public java.util.concurrent.CompletableFuture<Integer> burst(String subscriptionId, int count, String eventJson) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be positive, was " + count);
		}
		return this.state.burst(subscriptionId, EventSubJson.event(eventJson), count);
	}

	/**
	 * Sends a notification to every enabled subscription of the type whose condition the
	 * given one meets: each value of the subscription's condition equals the given value
	 * of that key (so a map with an extra key, such as a {@code reward_id}, reaches the
	 * subscriptions without one too).
	 * @param type the subscription type
	 * @param condition the event's condition values
	 * @param eventJson the {@code payload.event} object
	 * @return the message ids, one per subscription reached, none if none matched
	 * @throws IllegalArgumentException if the event is not a JSON object
	 */
	public List<String> publish(String type, Map<String, String> condition, String eventJson) {
		return publishOld(type, condition, eventJson, Duration.ZERO);
	}

	/**
	 * As {@link #publish(String, String)}, with a {@code message_timestamp} in the past,
	 * for clients that drop old messages.
	 * @param subscriptionId an enabled subscription
	 * @param eventJson the {@code payload.event} object
	 * @param age how old the message claims to be, at most 365 days
	 * @return the message id
	 */
	public String publishOld(String subscriptionId, String eventJson, Duration age) {
		return this.state.publish(subscriptionId, EventSubJson.event(eventJson), requireAge(age));
	}

	/**
	 * As {@link #publish(String, Map, String)}, with a {@code message_timestamp} in the
	 * past.
	 * @param type the subscription type
	 * @param condition the event's condition values
	 * @param eventJson the {@code payload.event} object
	 * @param age how old the message claims to be, at most 365 days
	 * @return the message ids
	 */
	public List<String> publishOld(String type, Map<String, String> condition, String eventJson, Duration age) {
		return this.state.publish(type, condition, EventSubJson.event(eventJson), requireAge(age));
	}

	/**
	 * Publishes the type's {@linkplain #sampleEvent(String) sample event}, with the
	 * condition's user ids written into the event's fields of the same names, to every
	 * matching subscription.
	 * @param type a known type
	 * @param condition the condition values
	 * @return the message ids
	 * @throws IllegalArgumentException if the type is unknown
	 */
	public List<String> publishSample(String type, Map<String, String> condition) {
		return this.state.publish(type, condition, SampleEvents.event(type, condition), Duration.ZERO);
	}

	/**
	 * The realistic sample event shipped for a type, as Twitch's reference shows it.
	 * @param type a known type, such as {@code channel.cheer}
	 * @return the {@code payload.event} JSON
	 * @throws IllegalArgumentException if the type is unknown
	 */
	public static String sampleEvent(String type) {
		return SampleEvents.json(type);
	}

	/**
	 * The subscription types the service accepts, each with its versions, condition keys
	 * and scopes in {@code docs/fake-eventsub-server.md}.
	 * @return the types, in the order of Twitch's PubSub mapping
	 */
	public static List<String> types() {
		return SubscriptionTypes.all().stream().map(SubscriptionTypes.Definition::type).distinct().toList();
	}

	/**
	 * Sends a published message again, same message id and timestamp, to the session of
	 * its subscription, as Twitch's at-least-once delivery may.
	 * @param messageId one of the last 10,000 message ids published
	 * @throws IllegalArgumentException if the message is not known
	 * @throws IllegalStateException if its session is gone
	 */
	public void duplicate(String messageId) {
		this.state.duplicate(messageId);
	}

	/**
	 * Sends {@code session_reconnect}: the client should connect to the returned URL
	 * (usable once), where the session, same id and subscriptions, moves on the welcome.
	 * The old socket is closed with 4004 after the grace period unless the client closed
	 * it.
	 * @param sessionId a connected session
	 * @return the {@code reconnect_url}
	 * @throws IllegalArgumentException if the session is not connected
	 */
	public URI reconnect(String sessionId) {
		return URI.create(this.state.reconnect(sessionId));
	}

	/**
	 * Closes a session's socket with a close frame. A code of Twitch's table (4000 to
	 * 4007) carries Twitch's reason and leaves the subscriptions with its status, such as
	 * {@code websocket_network_error} for 4006; others leave
	 * {@code websocket_disconnected}.
	 * @param sessionId a connected session
	 * @param code a valid WebSocket close code
	 * @throws IllegalArgumentException if the session is not connected or the code is not
	 * valid
	 */
	public void close(String sessionId, int code) {
		if (!WebSocketCloseStatus.isValidStatusCode(code)) {
			throw new IllegalArgumentException("Not a close code a server may send: " + code);
		}
		this.state.close(sessionId, code);
	}

	/**
	 * Stops the session's {@code session_keepalive} messages (pings go on), as a server
	 * whose session silently died.
	 * @param sessionId a connected session
	 */
	public void stopKeepalives(String sessionId) {
		this.state.keepalives(sessionId, false);
	}

	/**
	 * Sends the session's keepalives again.
	 * @param sessionId a connected session
	 */
	public void resumeKeepalives(String sessionId) {
		this.state.keepalives(sessionId, true);
	}

	/**
	 * Revokes a subscription: it gets the status and its session a {@code revocation}
	 * message.
	 * @param subscriptionId an enabled subscription
	 * @param status {@code authorization_revoked}, {@code user_removed},
	 * {@code version_removed} or another of Twitch's statuses
	 * @throws IllegalArgumentException if there is no such enabled subscription
	 */
	public void revoke(String subscriptionId, String status) {
		if (status.isBlank() || status.equals(Subscription.ENABLED)) {
			throw new IllegalArgumentException("A revocation needs a status other than enabled");
		}
		this.state.revoke(subscriptionId, status);
	}

	/**
	 * Makes the next Helix requests of a method fail, after the rate limit took its point
	 * and before anything else is checked.
	 * @param method {@code POST}, {@code GET} or {@code DELETE}
	 * @param status the status, from 400 to 599
	 * @param message the {@code message} of the error body
	 * @param times how many requests fail; 0 clears the failure
	 */
	public void failHelix(String method, int status, String message, int times) {
		String upper = method.toUpperCase(Locale.ROOT);
		if (!HELIX_METHODS.contains(upper)) {
			throw new IllegalArgumentException("method must be one of " + HELIX_METHODS);
		}
		if (status < 400 || status > 599 || times < 0) {
			throw new IllegalArgumentException("status must be from 400 to 599 and times at least 0");
		}
		this.helixFaults.fail(upper, status, message, times);
	}

	/**
	 * Makes Helix slow for one method: its requests wait, unanswered and in order, until
	 * {@link #releaseHelix(String)} (or {@link #reset()}).
	 * @param method {@code GET}, {@code POST} or {@code DELETE}
	 */
	public void holdHelix(String method) {
		this.helixFaults.hold(helixMethod(method));
	}

	/**
	 * Answers the requests {@link #holdHelix(String)} kept, in order, and ends the hold.
	 * @param method {@code GET}, {@code POST} or {@code DELETE}
	 */
	public void releaseHelix(String method) {
		this.helixFaults.release(helixMethod(method));
	}

	/**
	 * How many requests of a method a hold keeps now.
	 * @param method {@code GET}, {@code POST} or {@code DELETE}
	 * @return the count
	 */
	public int heldHelixRequests(String method) {
		return this.helixFaults.heldCount(helixMethod(method));
	}

	private static String helixMethod(String method) {
		String upper = method.toUpperCase(Locale.ROOT);
		if (!HELIX_METHODS.contains(upper)) {
			throw new IllegalArgumentException("method must be one of " + HELIX_METHODS);
		}
		return upper;
	}

	/**
	 * The sessions, connected ones and those that ended within the retention period.
	 * @return the sessions, oldest first
	 */
	public List<EventSubSession> sessions() {
		return this.state.sessions();
	}

	/**
	 * The subscriptions, enabled ones and disabled ones within the retention period.
	 * @return the subscriptions, oldest first
	 */
	public List<EventSubSubscription> subscriptions() {
		return this.state.subscriptions();
	}

	/**
	 * Sends any text frame to a session's socket, valid or not.
	 * @param sessionId a connected session
	 * @param text the frame
	 */
	public void sendRaw(String sessionId, String text) {
		this.state.sendRaw(sessionId, text);
	}

	/**
	 * Cuts a session's TCP connection without a close frame; its subscriptions become
	 * {@code websocket_disconnected}.
	 * @param sessionId a connected session
	 */
	public void dropTcp(String sessionId) {
		this.state.drop(sessionId);
	}

	/**
	 * Clears Helix failures and refills every rate-limit bucket; sessions and
	 * subscriptions stay.
	 */
	public void reset() {
		this.helixFaults.clear();
		this.rateLimit.reset();
	}

	private static Duration requireAge(Duration age) {
		if (age.isNegative() || age.compareTo(MAX_AGE) > 0) {
			throw new IllegalArgumentException("age must be from 0 to 365 days, was " + age);
		}
		return age;
	}

}
