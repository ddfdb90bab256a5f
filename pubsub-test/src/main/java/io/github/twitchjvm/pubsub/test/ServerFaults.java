package io.github.twitchjvm.pubsub.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The failures the fake server can produce on demand, to test how a client recovers.
 * Methods that take a connection id act on that connection, or on every open connection
 * when the id is {@code null}; ids come from {@link FakeTwitchServer#connections()}.
 *
 * <pre>{@code
 * server.faults().sendReconnect(null, Duration.ofSeconds(1));   // RECONNECT everyone, close them 1 s later
 * server.faults().failNextListens(2, "ERR_SERVER");
 * server.faults().answerPings(false);                          // the client's pong timeout must fire
 * server.faults().stopReading(null);                           // a stuck server: the client's sends back up
 * }</pre>
 */
public final class ServerFaults {

	/**
	 * The longest delay or duration a fault takes (one day): enough for any test, and far
	 * from the overflow of the clock arithmetic.
	 */
	public static final Duration MAX_DURATION = Duration.ofDays(1);

	private static final Duration NONE = Duration.ZERO;

	private final Connections connections;

	private final Duration reconnectGracePeriod;

	private volatile boolean answerPings = true;

	private volatile Duration responseDelay = NONE;

	private volatile boolean withholdResponses;

	private final AtomicInteger failingListens = new AtomicInteger();

	private volatile String listenError = "ERR_SERVER";

	private volatile Instant refuseConnectionsUntil = Instant.MIN;

	ServerFaults(Connections connections, Duration reconnectGracePeriod) {
		this.connections = connections;
		this.reconnectGracePeriod = reconnectGracePeriod;
	}

	/**
	 * Sends {@code RECONNECT} and closes the connection when the configured grace period
	 * (Twitch: 30 s) is over.
	 * @param connectionId a connection, or {@code null} for all
	 * @return how many connections got it
	 */
	public int sendReconnect(@Nullable String connectionId) {
		return sendReconnect(connectionId, this.reconnectGracePeriod);
	}

	/**
	 * Sends {@code RECONNECT}, then closes the connection after a delay.
	 * @param connectionId a connection, or {@code null} for all
	 * @param closeAfter the delay before closing, up to {@link #MAX_DURATION};
	 * {@code null} leaves the connection open
	 * @return how many connections got it
	 * @throws IllegalArgumentException if the delay is negative or too long
	 */
	public int sendReconnect(@Nullable String connectionId, @Nullable Duration closeAfter) {
		if (closeAfter != null) {
			requireDuration(closeAfter, "closeAfter");
		}
		Collection<ClientConnection> targets = this.connections.select(connectionId);
		for (ClientConnection connection : targets) {
			connection.send(ServerJson.RECONNECT);
			if (closeAfter != null) {
				connection.channel()
					.eventLoop()
					.schedule(() -> connection.close(1001, "Server going away"), closeAfter.toNanos(),
							TimeUnit.NANOSECONDS);
			}
		}
		return targets.size();
	}

	/**
	 * Closes with a WebSocket close frame.
	 * @param connectionId a connection, or {@code null} for all
	 * @param code the close code, 1000 to 4999 (1005, 1006 and 1015 never travel on the
	 * wire)
	 * @param reason the close reason, at most 123 bytes in UTF-8
	 * @return how many connections were closed
	 * @throws IllegalArgumentException for a code or reason the WebSocket protocol does
	 * not allow
	 */
	public int close(@Nullable String connectionId, int code, String reason) {
		if (code < 1000 || code > 4999 || code == 1005 || code == 1006 || code == 1015) {
			throw new IllegalArgumentException("A close code must be from 1000 to 4999, except 1005, 1006 and 1015");
		}
		if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
			throw new IllegalArgumentException("A close reason must be at most 123 bytes in UTF-8");
		}
		Collection<ClientConnection> targets = this.connections.select(connectionId);
		targets.forEach((connection) -> connection.close(code, reason));
		return targets.size();
	}

	/**
	 * Cuts the TCP connection without a close frame (a reset), as a crashed server or a
	 * dead network does.
	 * @param connectionId a connection, or {@code null} for all
	 * @return how many connections were dropped
	 */
	public int drop(@Nullable String connectionId) {
		Collection<ClientConnection> targets = this.connections.select(connectionId);
		targets.forEach(ClientConnection::drop);
		return targets.size();
	}

	/**
	 * Sends any text frame, valid or not.
	 * @param connectionId a connection, or {@code null} for all
	 * @param frame the frame's text
	 * @return how many connections got it
	 */
	public int sendRaw(@Nullable String connectionId, String frame) {
		Collection<ClientConnection> targets = this.connections.select(connectionId);
		targets.forEach((connection) -> connection.send(frame));
		return targets.size();
	}

	/**
	 * Sends a binary message, which PubSub never uses, split into frames: a client must
	 * skip it and count it once, however many frames (or transport buffers) it spans.
	 * @param connectionId a connection, or {@code null} for all
	 * @param bytes the message's length, 1 to 16 MiB
	 * @param parts how many frames carry it, 1 to {@code bytes}
	 * @return how many connections it was sent to
	 */
	public int sendBinary(@Nullable String connectionId, int bytes, int parts) {
		if (bytes < 1 || bytes > 16 * 1024 * 1024 || parts < 1 || parts > bytes) {
			throw new IllegalArgumentException("bytes must be 1 to 16 MiB and parts 1 to bytes");
		}
		Collection<ClientConnection> targets = this.connections.select(connectionId);
		targets.forEach((connection) -> connection.sendBinary(bytes, parts));
		return targets.size();
	}

	/**
	 * Stops reading what the client sends, as a stuck server does: its frames pile up in
	 * the TCP buffers until the client's sends can no longer complete. The connection
	 * stays open and the server still writes to it. {@link #resumeReading(String)} reads
	 * again.
	 * @param connectionId a connection, or {@code null} for all
	 * @return how many connections stopped reading
	 */
	public int stopReading(@Nullable String connectionId) {
		Collection<ClientConnection> targets = this.connections.select(connectionId);
		targets.forEach((connection) -> connection.reading(false));
		return targets.size();
	}

	/**
	 * Reads again what a connection sends, after {@link #stopReading(String)}.
	 * @param connectionId a connection, or {@code null} for all
	 * @return how many connections read again
	 */
	public int resumeReading(@Nullable String connectionId) {
		Collection<ClientConnection> targets = this.connections.select(connectionId);
		targets.forEach((connection) -> connection.reading(true));
		return targets.size();
	}

	/**
	 * Whether PINGs get a PONG. A server that stops answering is what a client's pong
	 * timeout is for.
	 * @param answer {@code false} to ignore PINGs (they still count as keep-alive)
	 */
	public void answerPings(boolean answer) {
		this.answerPings = answer;
	}

	/**
	 * Delays every RESPONSE.
	 * @param delay the delay, {@link Duration#ZERO} for none, up to {@link #MAX_DURATION}
	 * @throws IllegalArgumentException if the delay is negative or too long
	 */
	public void delayResponses(Duration delay) {
		this.responseDelay = (delay == null) ? NONE : requireDuration(delay, "delay");
	}

	/**
	 * Sends no RESPONSE at all (the requests still take effect), so that a client's
	 * listen timeout fires.
	 * @param withhold {@code true} to withhold
	 */
	public void withholdResponses(boolean withhold) {
		this.withholdResponses = withhold;
	}

	/**
	 * Answers the next LISTENs with an error, whatever they ask, and changes nothing.
	 * @param count how many LISTENs
	 * @param error the error code, usually {@code ERR_SERVER}
	 */
	public void failNextListens(int count, String error) {
		this.listenError = error;
		this.failingListens.set(Math.max(0, count));
	}

	/**
	 * Refuses new connections (they are reset as soon as they are accepted) for a while,
	 * as a server that is down. Open connections are not touched; {@link #drop(String)}
	 * them too for a full outage.
	 * @param duration how long, up to {@link #MAX_DURATION}
	 * @throws IllegalArgumentException if the duration is negative or too long
	 */
	public void refuseConnections(Duration duration) {
		this.refuseConnectionsUntil = Instant.now().plus(requireDuration(duration, "duration"));
	}

	/** Accepts connections again at once. */
	public void acceptConnections() {
		this.refuseConnectionsUntil = Instant.MIN;
	}

	/** Turns every switch back to normal behaviour. */
	public void clear() {
		this.answerPings = true;
		this.responseDelay = NONE;
		this.withholdResponses = false;
		this.failingListens.set(0);
		acceptConnections();
		resumeReading(null);
	}

	private static Duration requireDuration(Duration duration, String name) {
		if (duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
			throw new IllegalArgumentException(name + " must be from 0 to " + MAX_DURATION.toHours() + " hours");
		}
		return duration;
	}

	boolean answersPings() {
		return this.answerPings;
	}

	Duration responseDelay() {
		return this.responseDelay;
	}

	boolean withholdsResponses() {
		return this.withholdResponses;
	}

	boolean refusesConnections() {
		return Instant.now().isBefore(this.refuseConnectionsUntil);
	}

	/**
	 * The error for this LISTEN if one of the next LISTENs is to fail, else {@code null}.
	 */
	@Nullable String takeListenFailure() {
		return (this.failingListens.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) ? this.listenError : null;
	}

}
