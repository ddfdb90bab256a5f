package io.github.twitchjvm.eventsub;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.transport.CloseCodes;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;

import org.jspecify.annotations.Nullable;

/**
 * One WebSocket session and the subscriptions it carries. The transport calls its
 * listener methods on a reading thread; everything else is the engine loop's.
 */
final class Session implements WebSocketListener {

	final String userId;

	final URI uri;

	/** The session this one takes over after a {@code session_reconnect}, or null. */
	final @Nullable Session replacing;

	final Set<Subscription> subscriptions = new LinkedHashSet<>();

	private final SessionEvents<Session> engine;

	@Nullable WebSocketConnection connection;

	@Nullable String sessionId;

	int keepaliveSeconds = 10;

	boolean welcomed;

	/** Moved to its replacement (or closed by the client): its end is expected. */
	boolean retiring;

	boolean ended;

	/** The keepalive check found it silent for too long. */
	boolean keepaliveLost;

	/** The session being opened to take this one over, or null. */
	@Nullable Session replacement;

	EngineLoop.Scheduled welcomeTimer = EngineLoop.Scheduled.NONE;

	EngineLoop.Scheduled keepaliveTimer = EngineLoop.Scheduled.NONE;

	/** Notifications that arrived before their subscription's creation was answered. */
	final List<Runnable> early = new ArrayList<>();

	/** When a notification or keepalive last arrived (the loop's clock); any thread. */
	volatile long lastActivityNanos;

	Session(SessionEvents<Session> engine, String userId, URI uri, @Nullable Session replacing) {
		this.engine = engine;
		this.userId = userId;
		this.uri = uri;
		this.replacing = replacing;
	}

	void touch(long nowNanos) {
		this.lastActivityNanos = nowNanos;
	}

	void closeQuietly() {
		this.retiring = true;
		this.welcomeTimer.cancel();
		this.keepaliveTimer.cancel();
		WebSocketConnection open = this.connection;
		if (open != null) {
			open.close(CloseCodes.NORMAL, "");
		}
	}

	@Override
	public void onText(String message) {
		this.engine.frame(this, message);
	}

	@Override
	public void onUnusableMessage(String reason) {
		this.engine.unusable(this, reason);
	}

	@Override
	public void onClosed(int code, String reason) {
		this.engine.ended(this, code, reason);
	}

	@Override
	public void onError(Throwable error) {
		this.engine.ended(this, CloseCodes.NO_CLOSE_FRAME, String.valueOf(error.getMessage()));
	}

	@Override
	public String toString() {
		return "session of user " + this.userId + ((this.sessionId != null) ? " (" + this.sessionId + ")" : "");
	}

}
