package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.github.twitchjvm.core.engine.EngineLoop;

/**
 * How a blocking {@code listen*} call waits for its confirmation: within a deadline,
 * turning every failure into a {@link PubSubException}, and never leaving a subscription
 * behind that its caller cannot end.
 */
final class ListenConfirmation {

	private ListenConfirmation() {
	}

	/**
	 * @param confirmation the asynchronous call's future
	 * @param wait how long to wait at most
	 * @param engine the engine's loop, which must never wait
	 * @param notifications the loop listeners are told on, where waiting would wait for
	 * itself
	 * @param unlisten ends a subscription whose caller gave up
	 * @return the subscription's id
	 */
	static UUID await(CompletableFuture<UUID> confirmation, Duration wait, EngineLoop engine, EngineLoop notifications,
			Consumer<UUID> unlisten) {
		if ((engine.inLoop() || notifications.inLoop()) && !confirmation.isDone()) {
			// The confirmation needs these very threads: it would never come while they
			// wait.
			confirmation.thenAccept(unlisten);
			throw new IllegalStateException("A listen confirmation cannot be waited for on the client's own threads "
					+ "(a PubSubListener callback, a handler the engine released): it would wait for itself. Use "
					+ "the listen...Async method and do not block on its future there.");
		}
		try {
			return confirmation.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// The caller never gets the id: a confirmation coming after all must not
			// leave a subscription behind.
			confirmation.thenAccept(unlisten);
			throw new PubSubException(null, "Interrupted while waiting for the server", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof PubSubException failure) {
				throw failure;
			}
			throw new PubSubException(null, "Listening failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			// The caller never gets the id: a confirmation coming after all must not
			// leave a subscription behind.
			confirmation.thenAccept(unlisten);
			throw new PubSubException(null, "No confirmation from the server within " + wait, ex);
		}
	}

}
