package io.github.twitchjvm.pubsub.testcontainers;

import java.net.URI;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubConnectionDetails;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@code @ServiceConnection} for EventSub: a {@link FakeTwitchContainer} becomes the
 * starter's {@link EventSubConnectionDetails} (EventSub and Helix addresses, the demo
 * client id), as the demo broadcaster.
 */
class FakeTwitchEventSubConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<FakeTwitchContainer, EventSubConnectionDetails> {

	FakeTwitchEventSubConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.github.twitchjvm.eventsub.autoconfigure.EventSubConnectionDetails");
	}

	@Override
	protected EventSubConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<FakeTwitchContainer> source) {
		return new FakeTwitchEventSubConnectionDetails(source);
	}

	private static final class FakeTwitchEventSubConnectionDetails
			extends ContainerConnectionDetails<FakeTwitchContainer> implements EventSubConnectionDetails {

		private FakeTwitchEventSubConnectionDetails(ContainerConnectionSource<FakeTwitchContainer> source) {
			super(source);
		}

		@Override
		public URI url() {
			return getContainer().eventSubUri();
		}

		@Override
		public URI helixUrl() {
			return getContainer().helixUri();
		}

		@Override
		public String clientId() {
			return FakeTwitchContainer.CLIENT_ID;
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
