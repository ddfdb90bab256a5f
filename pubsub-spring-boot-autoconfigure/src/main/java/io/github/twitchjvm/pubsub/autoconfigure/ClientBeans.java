package io.github.twitchjvm.pubsub.autoconfigure;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.diagnostics.TwitchConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * How both protocols' auto-configurations pick the beans a client takes whole: the token
 * provider, the WebSocket transport, the dispatch executor.
 */
public final class ClientBeans {

	private ClientBeans() {
	}

	/**
	 * The one bean of a type the client takes whole, or {@code null} without one. Several
	 * without a primary would leave the choice to chance: that fails the startup instead.
	 * @param <T> the bean type
	 * @param beans the candidates
	 * @param type the bean type, for the report
	 * @return the bean, or {@code null}
	 * @throws TwitchConfigurationException with several candidates and no primary one
	 */
	public static <T> @Nullable T unique(ObjectProvider<T> beans, Class<T> type) {
		T bean = beans.getIfUnique();
		if (bean == null && beans.stream().findAny().isPresent()) {
			throw new TwitchConfigurationException(
					"There are several " + type.getSimpleName() + " beans and none is primary.",
					"Mark the one the Twitch clients should use @Primary, or keep only one.");
		}
		return bean;
	}

	/**
	 * The tokens a client takes: a {@link TwitchTokenProvider} bean (an OAuth2
	 * integration supplies one for both protocols) wins over the connection details'
	 * tokens.
	 * @param beans the token provider beans
	 * @param fromDetails the connection details' tokens (may be {@code null}), asked only
	 * without a bean: a token property a bean makes unused is not checked
	 * @return the provider, or {@code null} when there is none
	 * @throws TwitchConfigurationException with several beans and no primary one
	 */
	public static @Nullable TwitchTokenProvider tokenProvider(ObjectProvider<TwitchTokenProvider> beans,
			Supplier<@Nullable TwitchTokenProvider> fromDetails) {
		TwitchTokenProvider bean = unique(beans, TwitchTokenProvider.class);
		return (bean != null) ? bean : fromDetails.get();
	}

	/**
	 * Where handlers run: the {@link TwitchDispatchExecutor @TwitchDispatchExecutor}
	 * executor, else what the {@code dispatch.executor} property says ({@code null}: the
	 * client's own pool). Qualified rather than by type because an application often has
	 * other executors, for other purposes.
	 * @param threads the property's value
	 * @param qualified the {@code @TwitchDispatchExecutor} executor, if any
	 * @param applicationTaskExecutor the application's task executor, if any
	 * @return the executor, or {@code null} for the client's own
	 */
	public static @Nullable Executor dispatchExecutor(PubSubProperties.DispatchThreads threads,
			ObjectProvider<Executor> qualified, ObjectProvider<Executor> applicationTaskExecutor) {
		Executor executor = qualified.getIfAvailable();
		if (executor != null) {
			return executor;
		}
		return switch (threads) {
			case APPLICATION -> applicationTaskExecutor.getIfAvailable();
			case CLIENT -> null;
			case READING_THREAD -> Runnable::run;
		};
	}

}
