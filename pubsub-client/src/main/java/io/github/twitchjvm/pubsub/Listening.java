package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.EngineLoop.Scheduled;
import io.github.twitchjvm.core.engine.Pacer;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import io.github.twitchjvm.pubsub.connection.Request;
import io.github.twitchjvm.pubsub.protocol.Nonces;
import io.github.twitchjvm.pubsub.protocol.OutboundFrames;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LISTEN state machine of every topic: pace the request, fetch the token of the
 * topic's user (asynchronously, within the listen-confirm timeout), check its scope, send
 * one LISTEN with its own nonce on the socket of the topic's slot, and act on the
 * RESPONSE: confirm, refresh the token once after {@code ERR_BADAUTH}, retry
 * {@code ERR_SERVER} and timed-out re-listens with growing delays, or fail the topic.
 * Each attempt carries a number, so the outcome of one abandoned (its socket died, the
 * topic left) is recognised and ignored. Belongs to the engine's loop.
 */
final class Listening {

	private static final Logger logger = LoggerFactory.getLogger(PubSubClient.class);

	/** What came of a topic's LISTEN, for the engine to act on. */
	interface Outcomes {

		/**
		 * The server confirmed the topic on {@code socket}; the entry is ACTIVE already.
		 */
		void confirmed(TopicEntry entry, PubSubSocket socket);

		/** The topic failed for good; the entry is FAILED already. */
		void failed(TopicEntry entry, PubSubException failure);

	}

	/** An UNLISTEN whose answer nobody needs. */
	static final Request IGNORED = new Request() {

		@Override
		public void answered(String error) {
		}

		@Override
		public void unanswered() {
		}

	};

	private final ClientSettings settings;

	private final EngineLoop loop;

	private final Pacer pacer;

	private final ClientCounters counters;

	private final Outcomes outcomes;

	private boolean running;

	Listening(ClientSettings settings, EngineLoop loop, ClientCounters counters, Outcomes outcomes) {
		this.settings = settings;
		this.loop = loop;
		this.pacer = new Pacer(loop, settings.listensPerSecond());
		this.counters = counters;
		this.outcomes = outcomes;
	}

	void start() {
		this.running = true;
	}

	void stop() {
		this.running = false;
		this.pacer.clear();
	}

	/**
	 * Listens to the topic on its slot's socket, unless a LISTEN is under way or the
	 * socket is not open.
	 */
	void listen(TopicEntry entry) {
		Slot slot = entry.slot();
		PubSubSocket socket = (slot != null) ? slot.socket() : null;
		if (!this.running || slot == null || socket == null || !socket.isOpen() || entry.listenInFlight()
				|| !entry.isWanted()) {
			return;
		}
		int attempt = entry.beginAttempt();
		// Route now: a server may publish on the socket before the paced LISTEN goes out.
		if (entry.route().wantedOn(socket, slot.retiring())) {
			entry.route().emptyOutboxLater(this.loop);
		}
		this.pacer.submit(() -> requestToken(entry, socket, attempt, false));
	}

	/**
	 * Sends UNLISTEN for the topic.
	 * @return whether it went out
	 */
	boolean unlisten(PubSubSocket socket, TopicEntry entry, Request request) {
		String nonce = Nonces.next();
		return socket.request(nonce, OutboundFrames.unlisten(nonce, entry.topic().value()), request);
	}

	private void requestToken(TopicEntry entry, PubSubSocket socket, int attempt, boolean refresh) {
		if (!entry.isCurrent(attempt) || !this.running) {
			// Paced before its socket died: a newer attempt (or none) owns the topic now.
			return;
		}
		String userId = entry.topic().authorizingUserId();
		CompletionStage<AccessToken> token;
		try {
			AccessToken rejected = entry.token();
			token = (refresh && rejected != null) ? this.settings.tokenProvider().refresh(userId, rejected)
					: this.settings.tokenProvider().token(userId);
		}
		catch (RuntimeException ex) {
			token = CompletableFuture.failedFuture(ex);
		}
		// A provider that never completes must not leave the topic waiting for ever.
		Duration patience = this.settings.listenConfirmTimeout();
		Scheduled[] deadline = new Scheduled[1];
		deadline[0] = this.loop.schedule(patience, () -> {
			entry.attemptTimerDone(deadline[0]);
			sendListen(entry, socket, attempt, null,
					new TimeoutException("the token provider did not answer within " + patience));
		});
		entry.attemptTimer(deadline[0]);
		token.whenComplete((value, error) -> {
			try {
				this.loop.execute(() -> {
					entry.attemptTimerDone(deadline[0]);
					sendListen(entry, socket, attempt, value, error);
				});
			}
			catch (RejectedExecutionException ex) {
				// The engine is flooded; the deadline above ends the attempt.
			}
		});
	}

	private void sendListen(TopicEntry entry, PubSubSocket socket, int attempt, @Nullable AccessToken token,
			@Nullable Throwable error) {
		if (!entry.isCurrent(attempt) || !entry.listenInFlight() || !this.running) {
			return;
		}
		Topic topic = entry.topic();
		TopicType type = topic.type();
		if ((error != null || token == null) && type != null) {
			entry.attemptOver();
			Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
					: error;
			TokenUnavailableException failure = new TokenUnavailableException(topic, topic.authorizingUserId(), cause);
			if (entry.everActive()) {
				retryOrFail(entry, failure);
			}
			else {
				fail(entry, failure);
			}
			return;
		}
		// Undocumented topics such as video-playback needed no token: without one, LISTEN
		// goes out without.
		if (token != null && type != null && token.lacksScope(type.scope())) {
			entry.attemptOver();
			fail(entry, new MissingScopeException(topic, type.scope()));
			return;
		}
		Slot slot = entry.slot();
		if (slot == null || slot.socket() != socket || !socket.isOpen()) {
			entry.attemptOver();
			return;
		}
		entry.token((error == null) ? token : null);
		entry.route().listenSent(socket);
		String nonce = Nonces.next();
		Attempt request = new Attempt(entry, socket, attempt, this.loop.nanoTime());
		if (!socket.request(nonce, OutboundFrames.listen(nonce, topic.value(), (token != null) ? token.value() : null),
				request)) {
			entry.attemptOver();
		}
	}

	private void answered(Attempt request, String error) {
		TopicEntry entry = request.entry;
		if (!entry.isCurrent(request.attempt)) {
			return;
		}
		entry.attemptOver();
		this.counters.listenAnswered(entry.topic(), error, this.loop.nanoTime() - request.sentNanos);
		if (error.isEmpty()) {
			entry.confirmed(request.socket);
			this.outcomes.confirmed(entry, request.socket);
			return;
		}
		switch (error) {
			case "ERR_BADAUTH" -> {
				if (entry.tryRefresh()) {
					int attempt = entry.beginAttempt();
					logger.info("LISTEN to {} got ERR_BADAUTH; refreshing the token once", entry.topic());
					requestToken(entry, request.socket, attempt, true);
				}
				else {
					fail(entry, refused(entry.topic(), error, "refused again after a token refresh"));
				}
			}
			case "ERR_SERVER" -> retryOrFail(entry, refused(entry.topic(), error,
					"still failing after " + this.settings.serverErrorRetries() + " retries"));
			default -> fail(entry, refused(entry.topic(), error, "not retried"));
		}
	}

	private void unanswered(Attempt request) {
		TopicEntry entry = request.entry;
		if (!entry.isCurrent(request.attempt)) {
			return;
		}
		entry.attemptOver();
		this.counters.listenTimedOut(entry.topic(), this.loop.nanoTime() - request.sentNanos);
		ListenTimeoutException timeout = new ListenTimeoutException(entry.topic(),
				this.settings.listenConfirmTimeout());
		if (entry.everActive() || !entry.hasWaiters()) {
			// A topic that worked before is retried: the server may be busy after a
			// reconnect storm. So is one that
			// nobody waits for (listened to before the start, as declarative listeners
			// are): failing it for good
			// would leave it silent until the application restarts.
			retryOrFail(entry, timeout);
		}
		else {
			fail(entry, timeout);
		}
	}

	private void retryOrFail(TopicEntry entry, PubSubException failure) {
		if (entry.retries() >= this.settings.serverErrorRetries()) {
			fail(entry, failure);
			return;
		}
		int retry = entry.nextRetry();
		Duration delay = this.settings.reconnectInitialDelay().multipliedBy(1L << Math.min(retry, 6));
		int attempt = entry.beginAttempt();
		logger.info("LISTEN to {} failed ({}); retry {} of {} in {} ms", entry.topic(), failure.getMessage(), retry + 1,
				this.settings.serverErrorRetries(), delay.toMillis());
		Scheduled[] timer = new Scheduled[1];
		timer[0] = this.loop.schedule(delay, () -> {
			entry.attemptTimerDone(timer[0]);
			if (entry.isCurrent(attempt)) {
				entry.attemptOver();
				listen(entry);
			}
		});
		entry.attemptTimer(timer[0]);
	}

	/** The topic failed for good: the entry becomes FAILED and the engine retires it. */
	void fail(TopicEntry entry, PubSubException failure) {
		logger.error("Topic {} failed for good: {}", entry.topic(), failure.getMessage());
		Slot slot = entry.slot();
		PubSubSocket socket = (slot != null) ? slot.socket() : null;
		if (failure instanceof ListenTimeoutException && socket != null && socket.isOpen()) {
			// The server may still register the LISTEN it never answered.
			unlisten(socket, entry, IGNORED);
		}
		entry.failed(failure.getMessage());
		this.outcomes.failed(entry, failure);
	}

	/** The exception for the server's error code: a subclass for each documented one. */
	private static ListenFailedException refused(Topic topic, String errorCode, String detail) {
		return switch (errorCode) {
			case "ERR_BADAUTH" -> new AuthorizationFailedException(topic, detail);
			case "ERR_SERVER" -> new BackendErrorException(topic, detail);
			case "ERR_BADTOPIC" -> new BadTopicException(topic, detail);
			case "ERR_BADMESSAGE" -> new BadMessageException(topic, detail);
			default -> new ListenFailedException(topic, errorCode, detail, null);
		};
	}

	/** One LISTEN on the wire. */
	private final class Attempt implements Request {

		final TopicEntry entry;

		final PubSubSocket socket;

		final int attempt;

		final long sentNanos;

		Attempt(TopicEntry entry, PubSubSocket socket, int attempt, long sentNanos) {
			this.entry = entry;
			this.socket = socket;
			this.attempt = attempt;
			this.sentNanos = sentNanos;
		}

		@Override
		public void answered(String error) {
			Listening.this.answered(this, error);
		}

		@Override
		public void unanswered() {
			Listening.this.unanswered(this);
		}

		@Override
		public void abandoned() {
			if (this.entry.isCurrent(this.attempt)) {
				this.entry.attemptOver();
			}
		}

	}

}
