package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClientBuilder;

/**
 * Customizes the auto-configured EventSub client's builder after the properties and
 * connection details were applied, in {@code @Order}.
 */
@FunctionalInterface
public interface EventSubClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(EventSubClientBuilder builder);

}
