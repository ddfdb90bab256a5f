package io.github.twitchjvm.pubsub.testcontainers;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.eventsub.EventSubSession;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription;
import tools.jackson.databind.JsonNode;

/**
 * The EventSub service of a containerised fake server, the counterpart of the in-process
 * server's {@code FakeEventSub}: publish notifications, reconnect or close sessions,
 * revoke subscriptions, make Helix fail, inspect sessions and subscriptions.
 */
public final class ContainerEventSub {

	private final ControlApi control;

	ContainerEventSub(ControlApi control) {
		this.control = control;
	}

	/**
	 * Sends a notification to every enabled subscription of a type and condition.
	 * @param type the subscription type, such as {@code channel.cheer}
	 * @param condition the condition the subscriptions were made with
	 * @param eventJson the {@code event} object
	 * @return the message ids, one per subscription reached
	 */
	public List<String> publish(String type, Map<String, String> condition, String eventJson) {
		return publishOld(type, condition, eventJson, Duration.ZERO);
	}

	/**
	 * Sends a notification to one subscription.
	 * @param subscriptionId the subscription
	 * @param eventJson the {@code event} object
	 * @return the message id
	 */
	public String publish(String subscriptionId, String eventJson) {
		return publishOld(subscriptionId, eventJson, Duration.ZERO);
	}

	/**
	 * Like {@link #publish(String, Map, String)} with a message timestamp in the past,
	 * for a client's age check.
	 * @param type the subscription type
	 * @param condition the condition
	 * @param eventJson the {@code event} object
	 * @param age how old the message claims to be
	 * @return the message ids
	 */
	public List<String> publishOld(String type, Map<String, String> condition, String eventJson, Duration age) {
		return texts(this.control.post("/eventsub/publish", Map.of("type", type, "condition", condition, "event",
				eventJson, "age_ms", Durations.millisRoundedUp(age))));
	}

	/**
	 * Like {@link #publish(String, String)} with a message timestamp in the past.
	 * @param subscriptionId the subscription
	 * @param eventJson the {@code event} object
	 * @param age how old the message claims to be
	 * @return the message id
	 */
	public String publishOld(String subscriptionId, String eventJson, Duration age) {
		return texts(this.control.post("/eventsub/publish", Map.of("subscription_id", subscriptionId, "event",
				eventJson, "age_ms", Durations.millisRoundedUp(age))))
			.get(0);
	}

	/**
	 * Sends the documented sample event of a type to its subscriptions of a condition.
	 * @param type the subscription type
	 * @param condition the condition
	 * @return the message ids
	 */
	public List<String> publishSample(String type, Map<String, String> condition) {
		return texts(this.control.post("/eventsub/publish-sample", Map.of("type", type, "condition", condition)));
	}

	/**
	 * Sends an already sent message again, same id, as Twitch may.
	 * @param messageId the message
	 */
	public void duplicate(String messageId) {
		this.control.post("/eventsub/duplicate", Map.of("message_id", messageId));
	}

	/**
	 * Sends {@code session_reconnect}.
	 * @param sessionId a connected session
	 * @return the {@code reconnect_url}
	 */
	public URI reconnect(String sessionId) {
		return URI.create(this.control.post("/eventsub/reconnect", Map.of("session_id", sessionId))
			.path("reconnect_url")
			.asString());
	}

	/**
	 * Closes a session's socket with a close frame (4000 to 4007 are Twitch's).
	 * @param sessionId a connected session
	 * @param code the close code
	 */
	public void close(String sessionId, int code) {
		this.control.post("/eventsub/close", Map.of("session_id", sessionId, "code", code));
	}

	/**
	 * Stops a session's keepalives, so that the client's keepalive timeout ends it.
	 * @param sessionId a connected session
	 */
	public void stopKeepalives(String sessionId) {
		this.control.post("/eventsub/keepalives", Map.of("session_id", sessionId, "send", false));
	}

	/**
	 * Sends a session's keepalives again.
	 * @param sessionId a connected session
	 */
	public void resumeKeepalives(String sessionId) {
		this.control.post("/eventsub/keepalives", Map.of("session_id", sessionId, "send", true));
	}

	/**
	 * Revokes a subscription with a {@code revocation} message.
	 * @param subscriptionId the subscription
	 * @param status the reason, such as {@code authorization_revoked}
	 */
	public void revoke(String subscriptionId, String status) {
		this.control.post("/eventsub/revoke", Map.of("subscription_id", subscriptionId, "status", status));
	}

	/**
	 * Answers the next Helix requests of a method with an error.
	 * @param method {@code GET}, {@code POST} or {@code DELETE}
	 * @param status the HTTP status
	 * @param message Twitch's {@code message}
	 * @param times how many requests
	 */
	public void failHelix(String method, int status, String message, int times) {
		this.control.post("/eventsub/helix-errors",
				Map.of("method", method, "status", status, "message", message, "times", times));
	}

	/**
	 * Sends a text frame exactly as given on a session's socket.
	 * @param sessionId a connected session
	 * @param text the frame
	 */
	public void sendRaw(String sessionId, String text) {
		this.control.post("/eventsub/raw", Map.of("session_id", sessionId, "text", text));
	}

	/**
	 * Drops a session's socket without a close frame.
	 * @param sessionId a connected session
	 */
	public void dropTcp(String sessionId) {
		this.control.post("/eventsub/drop", Map.of("session_id", sessionId));
	}

	/**
	 * @return the sessions, oldest first
	 */
	public List<EventSubSession> sessions() {
		return this.control.getList("/eventsub/sessions", EventSubSession.class);
	}

	/**
	 * @return the subscriptions, oldest first
	 */
	public List<EventSubSubscription> subscriptions() {
		return this.control.getList("/eventsub/subscriptions", EventSubSubscription.class);
	}

	/**
	 * Clears Helix failures and refills every rate-limit bucket; sessions and
	 * subscriptions stay.
	 */
	public void reset() {
		this.control.post("/eventsub/reset", Map.of());
	}

	private static List<String> texts(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.path("message_ids").forEach((id) -> ids.add(id.asString()));
		return List.copyOf(ids);
	}

}
