package io.github.twitchjvm.pubsub.test.eventsub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of a client's {@code Host} header a reconnect URL may repeat: a host the server
 * answers to, with a port, and nothing that would change the URL's meaning.
 */
class ReconnectAuthorityTest {

	private final EventSubState state = new EventSubState(EventSubSettings.defaults(), "127.0.0.1", () -> 17080,
			(host) -> !host.startsWith("evil."));

	@Test
	void repeatsAHostWithItsPort() {
		assertThat(this.state.authority("localhost:32771")).isEqualTo("localhost:32771");
		assertThat(this.state.authority(" docker:32771 ")).isEqualTo("docker:32771");
		assertThat(this.state.authority("[::1]:32771")).isEqualTo("[::1]:32771");
	}

	@Test
	void fallsBackToTheServersAddressForAnythingElse() {
		assertThat(this.state.authority(null)).isNull();
		assertThat(this.state.authority("localhost")).as("no port").isNull();
		assertThat(this.state.authority("localhost:32771#x")).isNull();
		assertThat(this.state.authority("localhost:32771/path")).isNull();
		assertThat(this.state.authority("user@localhost:32771")).isNull();
		assertThat(this.state.authority("localhost:1 2")).isNull();
		assertThat(this.state.authority("localhost:abc")).isNull();
		assertThat(this.state.authority("evil.example:80")).as("a name the server does not answer to").isNull();
	}

}
