package io.github.twitchjvm.eventsub;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.Pacer;
import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.eventsub.helix.CreatedSubscription;
import io.github.twitchjvm.eventsub.helix.HelixClient;
import io.github.twitchjvm.eventsub.helix.HelixException;
import io.github.twitchjvm.eventsub.helix.TwitchSubscription;

import org.jspecify.annotations.Nullable;

/**
 * The Helix side of creating subscriptions: the user's token, deleting what a lost
 * session left at Twitch, the request, paced, and what each answer leads to (one token
 * refresh after 401, a later retry after 429, 5xx or no answer, or the end). Runs on the
 * engine's loop and leaves the engine's state to the engine, which it tells through
 * {@link Outcome}.
 */
final class Creations {

	private static final int MAX_RETRIES = 5;

	private final EventSubSettings settings;

	private final EngineLoop loop;

	private final HelixClient helix;

	private final RateLimitedLog log;

	private final Outcome outcome;

	private final Pacer pace;

	/** Deletes under way, by key (loop only). */
	private final Map<Subscription.Key, CompletableFuture<Void>> deletes = new HashMap<>();

	Creations(EventSubSettings settings, EngineLoop loop, HelixClient helix, RateLimitedLog log, Outcome outcome) {
		this.settings = settings;
		this.loop = loop;
		this.helix = helix;
		this.log = log;
		this.outcome = outcome;
		this.pace = new Pacer(loop, settings.subscriptionsPerSecond());
	}

	/** What the engine decides and learns about a creation. */
	interface Outcome {

		/**
		 * @return the session to create the subscription on now, or {@code null} when it
		 * is not to be created (cancelled, enabled already, its session not welcomed)
		 */
		@Nullable Session target(Subscription subscription);

		/**
		 * @return whether the subscription is still wanted on that session
		 */
		boolean stillWanted(Subscription subscription, Session session, String sessionId);

		void created(Subscription subscription, Session session, CreatedSubscription created);

		void failed(Subscription subscription, Throwable failure);

	}

	/**
	 * Creates the subscription, after the ones submitted before it and after the deletes
	 * of its key under way.
	 */
	void submit(Subscription subscription) {
		afterDeletes(subscription.key(), () -> this.pace.submit(() -> create(subscription)));
	}

	/** Forgets the creations not yet begun (the client stops). */
	void clear() {
		this.pace.clear();
	}

	/**
	 * Deletes a subscription at Twitch, logging (not throwing) a failure. Until Twitch
	 * answered, a new subscription of the same key waits ({@link #afterDeletes}): created
	 * before the delete, it would get 409.
	 */
	void delete(Subscription.Key key, String userId, String twitchId) {
		deleting(key,
				this.settings.tokenProvider()
					.token(userId)
					.toCompletableFuture()
					.thenCompose((token) -> this.helix.deleteSubscription(token, twitchId)),
				twitchId);
	}

	private void deleting(Subscription.Key key, CompletableFuture<Void> delete, String twitchId) {
		CompletableFuture<Void> done = delete.handle((ignored, error) -> {
			if (error != null) {
				this.log.warn("delete", "Could not delete the EventSub subscription {}: {}", twitchId,
						LogText.safe(String.valueOf(error.getMessage()), 300));
			}
			return null;
		});
		CompletableFuture<Void> before = this.deletes.getOrDefault(key, CompletableFuture.completedFuture(null));
		CompletableFuture<Void> all = CompletableFuture.allOf(before, done);
		this.deletes.put(key, all);
		all.whenComplete((ignored, error) -> this.loop.execute(() -> this.deletes.remove(key, all)));
	}

	/**
	 * Runs on the loop once every delete of a key under way has been answered (at once
	 * when none is).
	 */
	private void afterDeletes(Subscription.Key key, Runnable then) {
		CompletableFuture<Void> pending = this.deletes.get(key);
		if (pending == null) {
			then.run();
			return;
		}
		pending.whenComplete((ignored, error) -> this.loop.execute(then));
	}

	CompletableFuture<List<TwitchSubscription>> list(String userId) {
		return this.settings.tokenProvider()
			.token(userId)
			.toCompletableFuture()
			.thenCompose((token) -> this.helix.listSubscriptions(token, null));
	}

	private void create(Subscription subscription) {
		Session session = this.outcome.target(subscription);
		if (session == null) {
			return;
		}
		String sessionId = Objects.requireNonNull(session.sessionId);
		AccessToken fresh = subscription.freshToken;
		subscription.freshToken = null;
		CompletionStage<AccessToken> tokens = (fresh != null) ? CompletableFuture.completedFuture(fresh)
				: this.settings.tokenProvider().token(subscription.userId());
		tokens.whenComplete((token, tokenError) -> {
			if (token == null) {
				Throwable cause = unwrap(tokenError);
				this.loop.execute(() -> this.outcome.failed(subscription, new IllegalStateException("No token for user "
						+ subscription.userId() + ": " + ((cause != null) ? cause.getMessage() : ""), cause)));
				return;
			}
			removeStale(subscription, token)
				.thenCompose((ignored) -> this.helix.createSubscription(token, subscription.type(),
						subscription.version(), subscription.condition(), sessionId))
				.whenComplete((created, error) -> this.loop
					.execute(() -> answered(subscription, session, sessionId, token, created, error)));
		});
	}

	/**
	 * Deletes what a lost session left at Twitch, so that creating it again is no
	 * duplicate (409) of an orphan Twitch still counts as enabled.
	 */
	private CompletableFuture<Void> removeStale(Subscription subscription, AccessToken token) {
		String stale = subscription.staleTwitchId;
		if (stale == null) {
			return CompletableFuture.completedFuture(null);
		}
		return this.helix.deleteSubscription(token, stale).handle((ignored, error) -> {
			this.loop.execute(() -> subscription.staleTwitchId = null);
			return null;
		});
	}

	private void answered(Subscription subscription, Session session, String sessionId, AccessToken token,
			@Nullable CreatedSubscription created, @Nullable Throwable error) {
		boolean wanted = this.outcome.stillWanted(subscription, session, sessionId);
		if (created != null) {
			if (!wanted) {
				// Cancelled or moved while Twitch answered.
				deleting(subscription.key(), this.helix.deleteSubscription(token, created.id()), created.id());
				return;
			}
			subscription.retries = 0;
			subscription.refreshed = false;
			this.outcome.created(subscription, session, created);
			return;
		}
		if (!wanted) {
			return;
		}
		Throwable cause = unwrap(error);
		if (cause instanceof HelixException helixError) {
			if (helixError.status() == 401 && !subscription.refreshed) {
				subscription.refreshed = true;
				this.settings.tokenProvider()
					.refresh(subscription.userId(), token)
					.whenComplete((fresh, refreshError) -> this.loop.execute(() -> {
						subscription.freshToken = fresh;
						submit(subscription);
					}));
				return;
			}
			if (helixError.isRetryable() && subscription.retries < MAX_RETRIES) {
				retryLater(subscription, helixError.rateLimitReset());
				return;
			}
		}
		else if (cause != null && subscription.retries < MAX_RETRIES) {
			// I/O or timeout: the answer is unknown; ask again.
			retryLater(subscription, null);
			return;
		}
		this.outcome.failed(subscription, (cause != null) ? cause : new IllegalStateException("no answer"));
	}

	private void retryLater(Subscription subscription, @Nullable Instant reset) {
		subscription.retries++;
		Duration delay = Duration.ofSeconds(1L << Math.min(subscription.retries, 5));
		if (reset != null) {
			Duration untilReset = Duration.between(this.loop.now(), reset);
			delay = untilReset.isNegative() ? Duration.ofMillis(100) : untilReset.plusMillis(100);
			delay = (delay.compareTo(Duration.ofMinutes(1)) > 0) ? Duration.ofMinutes(1) : delay;
		}
		this.loop.schedule(delay, () -> submit(subscription));
	}

	private static @Nullable Throwable unwrap(@Nullable Throwable error) {
		return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
	}

}
