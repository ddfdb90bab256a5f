package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One WebSocket session: its id outlives the socket it started on when the client follows
 * a {@code session_reconnect}. Changed only under {@link EventSubState}'s lock.
 */
final class Session {

	private final String id;

	private final Instant connectedAt;

	private final int keepaliveSeconds;

	/** The socket that receives the session's messages. */
	private @Nullable SessionSocket socket;

	private String status = "connected";

	private @Nullable Instant disconnectedAt;

	/**
	 * Whether a subscription ever named this session, which keeps it past the welcome.
	 */
	private boolean used;

	private boolean keepalivesStopped;

	/** The token of the pending {@code reconnect_url}; usable once. */
	private @Nullable String reconnectToken;

	Session(String id, Instant connectedAt, int keepaliveSeconds, SessionSocket socket) {
		this.id = id;
		this.connectedAt = connectedAt;
		this.keepaliveSeconds = keepaliveSeconds;
		this.socket = socket;
	}

	String id() {
		return this.id;
	}

	Instant connectedAt() {
		return this.connectedAt;
	}

	int keepaliveSeconds() {
		return this.keepaliveSeconds;
	}

	@Nullable SessionSocket socket() {
		return this.socket;
	}

	boolean isConnected() {
		return this.disconnectedAt == null;
	}

	@Nullable Instant disconnectedAt() {
		return this.disconnectedAt;
	}

	boolean isUsed() {
		return this.used;
	}

	void markUsed() {
		this.used = true;
	}

	boolean keepalivesStopped() {
		return this.keepalivesStopped;
	}

	void keepalivesStopped(boolean stopped) {
		this.keepalivesStopped = stopped;
	}

	@Nullable String reconnectToken() {
		return this.reconnectToken;
	}

	void reconnecting(String token) {
		this.reconnectToken = token;
		this.status = "reconnecting";
	}

	/** The client followed the reconnect URL: the new socket receives from now on. */
	void movedTo(SessionSocket socket) {
		this.socket = socket;
		this.reconnectToken = null;
		this.status = "connected";
	}

	void disconnected(String status, Instant at) {
		this.socket = null;
		this.reconnectToken = null;
		this.status = status;
		this.disconnectedAt = at;
	}

	EventSubSession view(List<String> subscriptions) {
		return new EventSubSession(this.id, this.connectedAt, this.status, this.keepaliveSeconds, this.disconnectedAt,
				subscriptions);
	}

}
