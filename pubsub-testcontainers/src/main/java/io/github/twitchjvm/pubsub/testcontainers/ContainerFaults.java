package io.github.twitchjvm.pubsub.testcontainers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The PubSub faults of a containerised fake server, the counterpart of the in-process
 * server's {@code ServerFaults}: a {@code connection} of {@code null} means every
 * connection, and methods that act on connections return how many they reached.
 */
public final class ContainerFaults {

	private final ControlApi control;

	ContainerFaults(ControlApi control) {
		this.control = control;
	}

	/**
	 * Sends {@code RECONNECT}; the server closes the connection after its grace period
	 * unless the client closed it first.
	 * @param connection a connection id, or {@code null} for all
	 * @return how many connections it was sent to
	 */
	public int sendReconnect(@Nullable String connection) {
		return connections("/faults/reconnect", body(connection));
	}

	/**
	 * Sends {@code RECONNECT} and closes the connection after the given time, or never.
	 * @param connection a connection id, or {@code null} for all
	 * @param closeAfter when to close it, or {@code null} to keep it open
	 * @return how many connections it was sent to
	 */
	public int sendReconnect(@Nullable String connection, @Nullable Duration closeAfter) {
		Map<String, Object> body = body(connection);
		if (closeAfter == null) {
			body.put("keep_open", true);
		}
		else {
			body.put("close_after_ms", Durations.millisRoundedUp(closeAfter));
		}
		return connections("/faults/reconnect", body);
	}

	/**
	 * Closes connections with a close frame.
	 * @param connection a connection id, or {@code null} for all
	 * @param code the close code
	 * @param reason the close reason
	 * @return how many connections were closed
	 */
	public int close(@Nullable String connection, int code, String reason) {
		Map<String, Object> body = body(connection);
		body.put("code", code);
		body.put("reason", reason);
		return connections("/faults/close", body);
	}

	/**
	 * Drops connections without a close frame, as a network failure would.
	 * @param connection a connection id, or {@code null} for all
	 * @return how many connections were dropped
	 */
	public int drop(@Nullable String connection) {
		return connections("/faults/drop", body(connection));
	}

	/**
	 * Stops reading what clients send (their PINGs go unanswered and pile up).
	 * @param connection a connection id, or {@code null} for all
	 * @return how many connections it applies to
	 */
	public int stopReading(@Nullable String connection) {
		return connections("/faults/stop-reading", body(connection));
	}

	/**
	 * Reads again after {@link #stopReading(String)}.
	 * @param connection a connection id, or {@code null} for all
	 * @return how many connections it applies to
	 */
	public int resumeReading(@Nullable String connection) {
		return connections("/faults/resume-reading", body(connection));
	}

	/**
	 * Sends a text frame exactly as given, valid or not.
	 * @param connection a connection id, or {@code null} for all
	 * @param frame the frame's text
	 * @return how many connections it was sent to
	 */
	public int sendRaw(@Nullable String connection, String frame) {
		Map<String, Object> body = body(connection);
		body.put("frame", frame);
		return connections("/faults/raw", body);
	}

	/**
	 * Whether PINGs get their PONG.
	 * @param answer {@code false} to leave PINGs unanswered
	 */
	public void answerPings(boolean answer) {
		this.control.post("/faults/pings", Map.of("answer", answer));
	}

	/**
	 * Delays every {@code RESPONSE}.
	 * @param delay the delay, {@link Duration#ZERO} for none
	 */
	public void delayResponses(Duration delay) {
		this.control.post("/faults/responses", Map.of("delay_ms", Durations.millisRoundedUp(delay)));
	}

	/**
	 * Withholds every {@code RESPONSE}, so that listens time out.
	 * @param withhold {@code false} to answer again
	 */
	public void withholdResponses(boolean withhold) {
		this.control.post("/faults/responses", Map.of("withhold", withhold));
	}

	/**
	 * Answers the next listens with an error.
	 * @param count how many listens
	 * @param error the error, such as {@code ERR_SERVER} or {@code ERR_BADAUTH}
	 */
	public void failNextListens(int count, String error) {
		this.control.post("/faults/listen-errors", Map.of("count", count, "error", error));
	}

	/**
	 * Refuses new connections for a while.
	 * @param duration how long
	 */
	public void refuseConnections(Duration duration) {
		this.control.post("/faults/refuse-connections", Map.of("duration_ms", Durations.millisRoundedUp(duration)));
	}

	/** Accepts connections again. */
	public void acceptConnections() {
		refuseConnections(Duration.ZERO);
	}

	/** Ends every fault: pings answered, responses on time, connections accepted. */
	public void clear() {
		this.control.post("/faults/clear", Map.of());
	}

	private int connections(String path, Map<String, Object> body) {
		return this.control.post(path, body).path("connections").asInt();
	}

	private static Map<String, Object> body(@Nullable String connection) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (connection != null) {
			body.put("connection", connection);
		}
		return body;
	}

}
