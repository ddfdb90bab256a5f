package io.github.twitchjvm.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.engine.NamedThreadFactory;
import io.github.twitchjvm.core.log.LogText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Validates the tokens handed out, as Twitch requires of every application: when the
 * clients start and then every {@code twitch.pubsub.oauth2.validation-interval} (an
 * hour), {@code GET /oauth2/validate} with each user's token. A token Twitch no longer
 * takes (401) is refreshed; when that fails too, the user must authorize the application
 * again, which the provider tells the application
 * ({@link TwitchAuthorizationRequiredEvent}).
 */
final class TwitchTokenValidation implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TwitchTokenValidation.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final AuthorizedClientTokenProvider tokens;

	private final URI validateUri;

	private final Duration interval;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(TIMEOUT)
		.build();

	private @Nullable ScheduledExecutorService scheduler;

	TwitchTokenValidation(AuthorizedClientTokenProvider tokens, URI validateUri, Duration interval) {
		this.tokens = tokens;
		this.validateUri = validateUri;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
				new NamedThreadFactory("twitch-oauth2-validate"));
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		scheduler.scheduleWithFixedDelay(this::validateAll, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		// Before the clients, so that startup's validation comes first.
		return io.github.twitchjvm.pubsub.autoconfigure.TwitchClientLifecycle.PHASE - 1;
	}

	void validateAll() {
		for (Map.Entry<String, AccessToken> entry : this.tokens.handedOut().entrySet()) {
			try {
				validate(entry.getKey(), entry.getValue());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not validate the Twitch token of user {}: {}", entry.getKey(),
						LogText.safe(String.valueOf(ex.getMessage()), 200));
			}
		}
	}

	private void validate(String userId, AccessToken token) {
		int status;
		try {
			HttpRequest request = HttpRequest.newBuilder(this.validateUri)
				.timeout(TIMEOUT)
				.header("Authorization", "OAuth " + token.value())
				.GET()
				.build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			logger.warn("Could not reach Twitch's token validation for user {}: {}", userId,
					LogText.safe(String.valueOf(ex.getMessage()), 200));
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		if (status != 401) {
			return;
		}
		logger.info("Twitch no longer takes the token of user {}; refreshing it", userId);
		this.tokens.forget(userId);
		try {
			this.tokens.refresh(userId, token).toCompletableFuture().get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			String reason = LogText.safe(String.valueOf(cause.getMessage()), 300);
			if (cause instanceof TwitchUserNotAuthorizedException) {
				// The provider told the application (TwitchAuthorizationRequiredEvent).
				logger.warn("Twitch user {} must authorize the application again: {}", userId, reason);
			}
			else {
				logger.warn("Could not refresh the token of Twitch user {}; trying again at the next validation: {}",
						userId, reason);
			}
		}
		catch (TimeoutException ex) {
			logger.warn("Refreshing the token of user {} took too long; trying again at the next validation", userId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
