package io.github.twitchjvm.security;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.twitchjvm.core.engine.NamedThreadFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * The one thread every token request runs on: token requests are few (a refresh an hour
 * per user), and Twitch rotates refresh tokens, so two refreshes of one user at once
 * would spend the same refresh token twice and lose the user's authorization. A bean of
 * its own type, not an {@code Executor}: Spring Boot backs its application task executor
 * off when the context holds an executor bean.
 */
final class TokenRequestThread implements DisposableBean {

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(new NamedThreadFactory(AuthorizedClientTokenProvider.THREAD_NAME));

	ExecutorService executor() {
		return this.executor;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
