package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClientBuilder;

/**
 * Adjusts the auto-configured {@link io.github.twitchjvm.pubsub.PubSubClient} before it
 * is built, after the properties, the connection details and the executor and transport
 * beans were applied. Beans of this type are applied in their
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface PubSubClientBuilderCustomizer {

	/**
	 * Customises the builder.
	 * @param builder the builder, with the properties applied
	 */
	void customize(PubSubClientBuilder builder);

}
