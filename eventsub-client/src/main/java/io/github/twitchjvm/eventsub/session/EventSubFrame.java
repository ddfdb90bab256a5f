package io.github.twitchjvm.eventsub.session;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message the EventSub server sent, as read by {@link EventSubFrames#parse(String)}:
 * one record per {@code metadata.message_type}. Every record's {@code toString()} is safe
 * to log: it leaves out event content.
 */
public sealed interface EventSubFrame {

	/**
	 * @return the message's id ({@code metadata.message_id}), the same when Twitch sends
	 * a message again
	 */
	String messageId();

	/**
	 * @return when Twitch sent the message ({@code metadata.message_timestamp}), with
	 * nanoseconds
	 */
	Instant timestamp();

	/**
	 * {@code session_welcome}: the session is open.
	 *
	 * @param messageId the message id
	 * @param timestamp when it was sent
	 * @param sessionId the session, for the {@code transport} of new subscriptions
	 * @param keepaliveSeconds the longest silence to expect; also how long the client has
	 * to subscribe
	 */
	record Welcome(String messageId, Instant timestamp, String sessionId,
			int keepaliveSeconds) implements EventSubFrame {
	}

	/**
	 * {@code session_keepalive}: nothing happened for a while.
	 *
	 * @param messageId the message id
	 * @param timestamp when it was sent
	 */
	record Keepalive(String messageId, Instant timestamp) implements EventSubFrame {
	}

	/**
	 * {@code notification}: an event for a subscription.
	 *
	 * @param messageId the message id
	 * @param timestamp when it was sent
	 * @param subscriptionId the subscription's id at Twitch
	 * @param type the subscription type, such as {@code channel.cheer}
	 * @param version the subscription version
	 * @param condition the subscription's condition
	 * @param event the {@code payload.event} object, as received
	 */
	record Notification(String messageId, Instant timestamp, String subscriptionId, String type, String version,
			Map<String, String> condition, String event) implements EventSubFrame {

		public Notification {
			condition = Map.copyOf(condition);
		}

		@Override
		public String toString() {
			return "Notification[messageId=" + this.messageId + ", type=" + this.type + ", version=" + this.version
					+ ", subscriptionId=" + this.subscriptionId + ", event=" + this.event.length() + " chars]";
		}

	}

	/**
	 * {@code session_reconnect}: Twitch moves the session to another server.
	 *
	 * @param messageId the message id
	 * @param timestamp when it was sent
	 * @param sessionId the session
	 * @param reconnectUrl where to connect, used as given
	 */
	record Reconnect(String messageId, Instant timestamp, String sessionId,
			String reconnectUrl) implements EventSubFrame {
	}

	/**
	 * {@code revocation}: Twitch ended a subscription and sends nothing more for it.
	 *
	 * @param messageId the message id
	 * @param timestamp when it was sent
	 * @param subscriptionId the subscription's id at Twitch
	 * @param type the subscription type
	 * @param version the subscription version
	 * @param status why, such as {@code authorization_revoked}
	 */
	record Revocation(String messageId, Instant timestamp, String subscriptionId, String type, String version,
			String status) implements EventSubFrame {
	}

	/**
	 * A message type this version does not know: logged and ignored.
	 *
	 * @param messageId the message id
	 * @param timestamp when it was sent
	 * @param messageType the {@code metadata.message_type}
	 */
	record Unknown(String messageId, Instant timestamp, @Nullable String messageType) implements EventSubFrame {
	}

}
