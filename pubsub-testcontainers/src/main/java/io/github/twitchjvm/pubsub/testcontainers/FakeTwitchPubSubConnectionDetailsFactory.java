package io.github.twitchjvm.pubsub.testcontainers;

import java.net.URI;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubConnectionDetails;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@code @ServiceConnection} for PubSub: a {@link FakeTwitchContainer} becomes the
 * starter's {@link PubSubConnectionDetails}, as the demo broadcaster.
 */
class FakeTwitchPubSubConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<FakeTwitchContainer, PubSubConnectionDetails> {

	FakeTwitchPubSubConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.github.twitchjvm.pubsub.autoconfigure.PubSubConnectionDetails");
	}

	@Override
	protected PubSubConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<FakeTwitchContainer> source) {
		return new FakeTwitchPubSubConnectionDetails(source);
	}

	private static final class FakeTwitchPubSubConnectionDetails extends ContainerConnectionDetails<FakeTwitchContainer>
			implements PubSubConnectionDetails {

		private FakeTwitchPubSubConnectionDetails(ContainerConnectionSource<FakeTwitchContainer> source) {
			super(source);
		}

		@Override
		public URI url() {
			return getContainer().pubSubUri();
		}

		@Override
		public TwitchTokenProvider tokenProvider() {
			return getContainer().demoTokens();
		}

		@Override
		public String userId() {
			return FakeTwitchContainer.BROADCASTER_ID;
		}

	}

}
