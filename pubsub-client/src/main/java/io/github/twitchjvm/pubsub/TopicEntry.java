package io.github.twitchjvm.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.engine.EngineLoop.Scheduled;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * One wanted topic, shared by all its subscriptions: where it stands
 * ({@link TopicState}), the slot it is assigned to, the {@code listen*} calls waiting for
 * it, and the progress of its LISTEN attempts. Its state changes only through the methods
 * named for what happened, each of which tells the engine's listeners. Belongs to the
 * engine's loop.
 */
final class TopicEntry {

	private final Topic topic;

	private final TopicRoute route;

	private final Consumer<TopicEntry> changed;

	private TopicState state = TopicState.PENDING;

	private @Nullable String failure;

	private @Nullable Slot slot;

	/**
	 * Subscriptions whose {@code listen*} call waits for the server's confirmation; made
	 * when one waits.
	 */
	private @Nullable List<Waiter> waiters;

	/** A LISTEN (or the token fetch or pacing before it) is under way. */
	private boolean listenInFlight;

	/**
	 * Counts attempts, so that the outcome of an abandoned one is recognised and ignored.
	 */
	private int attempt;

	/** The socket that confirmed the topic last. */
	private @Nullable PubSubSocket confirmedOn;

	private boolean everActive;

	private boolean refreshTried;

	private int retries;

	private @Nullable AccessToken token;

	/**
	 * The current attempt's timer (its token's deadline, or the delay before a retry).
	 */
	private Scheduled attemptTimer = Scheduled.NONE;

	/**
	 * @param changed told after every change of state, to notify the listeners
	 */
	TopicEntry(Topic topic, TopicRoute route, Consumer<TopicEntry> changed) {
		this.topic = topic;
		this.route = route;
		this.changed = changed;
	}

	Topic topic() {
		return this.topic;
	}

	TopicRoute route() {
		return this.route;
	}

	TopicState state() {
		return this.state;
	}

	/** PENDING or ACTIVE: the client listens, or will. */
	boolean isWanted() {
		return this.state == TopicState.PENDING || this.state == TopicState.ACTIVE;
	}

	@Nullable Slot slot() {
		return this.slot;
	}

	// --- state ---

	/** The server confirmed a LISTEN on {@code socket}. */
	void confirmed(PubSubSocket socket) {
		this.listenInFlight = false;
		this.retries = 0;
		this.refreshTried = false;
		this.everActive = true;
		this.confirmedOn = socket;
		moveTo(TopicState.ACTIVE, null);
	}

	/** The socket carrying the topic is gone: it waits for the next one. */
	void carrierLost() {
		if (this.state == TopicState.ACTIVE) {
			moveTo(TopicState.PENDING, null);
		}
	}

	/** The client stopped: whatever was under way is void. */
	void stopped() {
		this.slot = null;
		abandonAttempts();
		carrierLost();
	}

	/** Listening anew to a failed or revoked topic is another try, from scratch. */
	void wantedAgain() {
		if (this.state == TopicState.FAILED || this.state == TopicState.REVOKED) {
			this.retries = 0;
			this.refreshTried = false;
			moveTo(TopicState.PENDING, null);
		}
	}

	/** The topic failed for good. */
	void failed(@Nullable String reason) {
		moveTo(TopicState.FAILED, reason);
	}

	/** The server revoked its token. */
	void revoked(String reason) {
		moveTo(TopicState.REVOKED, reason);
	}

	private void moveTo(TopicState next, @Nullable String reason) {
		if (this.state == next && Objects.equals(this.failure, reason)) {
			return;
		}
		this.state = next;
		this.failure = reason;
		this.changed.accept(this);
	}

	// --- slot ---

	void assignTo(Slot assigned) {
		this.slot = assigned;
	}

	/** Takes the topic off its slot; attempts under way there are void. */
	void unassign() {
		this.slot = null;
		abandonAttempts();
	}

	boolean confirmedOn(PubSubSocket socket) {
		return this.confirmedOn == socket;
	}

	// --- LISTEN attempts ---

	boolean listenInFlight() {
		return this.listenInFlight;
	}

	/**
	 * @return the new attempt's number
	 */
	int beginAttempt() {
		this.listenInFlight = true;
		this.attemptTimer.cancel();
		return ++this.attempt;
	}

	boolean isCurrent(int attemptNumber) {
		return this.attempt == attemptNumber;
	}

	/** The current attempt got its answer, or cannot go on. */
	void attemptOver() {
		this.listenInFlight = false;
	}

	/** Every attempt under way is void (its socket died, or the topic left its slot). */
	void abandonAttempts() {
		this.listenInFlight = false;
		this.attempt++;
		this.attemptTimer.cancel();
	}

	/**
	 * The current attempt waits for this timer; a newer attempt or an abandoned one
	 * cancels it.
	 */
	void attemptTimer(Scheduled timer) {
		this.attemptTimer.cancel();
		this.attemptTimer = timer;
	}

	/**
	 * The timer is done with (it fired, or what it waited for came): let it go, thousands
	 * of topics hold one.
	 */
	void attemptTimerDone(Scheduled timer) {
		timer.cancel();
		if (this.attemptTimer == timer) {
			this.attemptTimer = Scheduled.NONE;
		}
	}

	boolean everActive() {
		return this.everActive;
	}

	/**
	 * @return whether a refresh may still be tried (once per failure streak)
	 */
	boolean tryRefresh() {
		if (this.refreshTried) {
			return false;
		}
		this.refreshTried = true;
		return true;
	}

	/**
	 * @return how many retries were used before this one
	 */
	int nextRetry() {
		return this.retries++;
	}

	int retries() {
		return this.retries;
	}

	@Nullable AccessToken token() {
		return this.token;
	}

	void token(@Nullable AccessToken used) {
		this.token = used;
	}

	// --- waiting calls ---

	void addWaiter(Waiter waiter) {
		if (this.waiters == null) {
			this.waiters = new ArrayList<>(1);
		}
		this.waiters.add(waiter);
	}

	boolean hasWaiters() {
		return this.waiters != null && !this.waiters.isEmpty();
	}

	boolean hasWaiter(Waiter waiter) {
		return this.waiters != null && this.waiters.contains(waiter);
	}

	boolean removeWaiter(Waiter waiter) {
		return this.waiters != null && this.waiters.remove(waiter);
	}

	/**
	 * @return the waiting calls, which are forgotten here
	 */
	List<Waiter> takeWaiters() {
		List<Waiter> taken = (this.waiters != null) ? this.waiters : List.of();
		this.waiters = null;
		return taken;
	}

	TopicStatus status() {
		List<Subscription> subscriptions = this.route.subscriptions();
		int queued = 0;
		for (Subscription subscription : subscriptions) {
			queued += subscription.queued();
		}
		return new TopicStatus(this.topic, this.state, this.failure, subscriptions.size(), queued,
				(this.slot != null) ? this.slot.id() : null);
	}

	/**
	 * A {@code listen*} call waiting for its topic.
	 */
	static final class Waiter {

		private final Subscription subscription;

		private final CompletableFuture<UUID> future;

		private final long since;

		private Scheduled expiry = Scheduled.NONE;

		/**
		 * @param since when it started waiting, on the loop's clock
		 */
		Waiter(Subscription subscription, CompletableFuture<UUID> future, long since) {
			this.subscription = subscription;
			this.future = future;
			this.since = since;
		}

		Subscription subscription() {
			return this.subscription;
		}

		CompletableFuture<UUID> future() {
			return this.future;
		}

		long since() {
			return this.since;
		}

		void expiry(Scheduled timer) {
			this.expiry = timer;
		}

		/** The call got its answer: its expiry timer goes. */
		void answered() {
			this.expiry.cancel();
		}

	}

}
