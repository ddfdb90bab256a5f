package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;

/**
 * Adjusts the auto-configured {@link PubSubClient} before it is built, after the properties were applied. Beans of
 * this type are applied in their {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface PubSubClientBuilderCustomizer {

	/**
	 * Customises the builder.
	 * @param builder the builder, with the properties applied
	 */
	void customize(PubSubClient.Builder builder);

}
