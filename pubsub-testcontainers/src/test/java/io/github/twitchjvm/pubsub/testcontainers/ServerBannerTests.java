package io.github.twitchjvm.pubsub.testcontainers;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * On the host's network the banner is where the server's ports come from.
 */
class ServerBannerTests {

	private static final String BANNER = """
			Fake Twitch PubSub and EventSub server
			  PubSub WebSocket  ws://127.0.0.1:35413
			  EventSub          ws://127.0.0.1:35413/ws
			  Helix             http://127.0.0.1:35413/helix/eventsub/subscriptions
			  OAuth endpoints   http://127.0.0.1:35413/oauth2/{token,validate,revoke}
			  Control API       http://127.0.0.1:35487
			Stop with Ctrl-C.
			""";

	@Test
	void readsTheAddressesTheServerPrinted() {
		ServerBanner banner = ServerBanner.parse("some JVM warning\n" + BANNER);
		assertThat(banner.pubSub()).isEqualTo(URI.create("ws://127.0.0.1:35413"));
		assertThat(banner.control()).isEqualTo(URI.create("http://127.0.0.1:35487"));
	}

	@Test
	void saysWhatWasMissingAndShowsTheOutput() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ServerBanner.parse("Cannot listen on 127.0.0.1:0: the port is in use\n"))
			.withMessageContaining("'PubSub WebSocket'")
			.withMessageContaining("Cannot listen on");
		assertThatIllegalStateException().isThrownBy(() -> ServerBanner.parse(BANNER.replace("Control API", "Control")))
			.withMessageContaining("'Control API'");
	}

}
