package io.github.twitchjvm.core.transport;

import java.net.URI;

import io.github.twitchjvm.core.transport.EndpointPolicy.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "wss://pubsub-edge.twitch.tv", "wss://pubsub-edge.twitch.tv/v1", "WSS://example.com:8443/",
			"wss://203.0.113.7/", "wss://[2001:db8::1]:443/" })
	void allowsWssAnywhere(String uri) {
		assertThat(EndpointPolicy.judge(URI.create(uri), false)).isEqualTo(Verdict.ENCRYPTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://localhost:8080/", "ws://LOCALHOST/", "ws://localhost./", "ws://127.0.0.1:8080/",
			"ws://127.255.0.9/", "ws://[::1]:8080/", "ws://[0:0:0:0:0:0:0:1]/", "ws://[::ffff:127.0.0.1]/" })
	void allowsWsToLoopbackHosts(String uri) {
		assertThat(EndpointPolicy.judge(URI.create(uri), false)).isEqualTo(Verdict.LOOPBACK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://pubsub-edge.twitch.tv", "ws://203.0.113.7:8080/", "ws://127.0.0.1.example.com/",
			"ws://localhost.example.com/", "ws://0177.0.0.1/", "ws://128.0.0.1/", "ws://[::2]/",
			"ws://[::ffff:10.0.0.1]/", "ws://0.0.0.0/", "ws://my-localhost/" })
	void refusesWsToAnyOtherHost(String uri) {
		Verdict verdict = EndpointPolicy.judge(URI.create(uri), false);

		assertThat(verdict).isEqualTo(Verdict.INSECURE_REFUSED);
		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.reason()).contains("in clear", "wss://");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://pubsub-edge.twitch.tv", "ws://203.0.113.7:8080/" })
	void allowsWsToAnyHostWhenInsecureIsAllowed(String uri) {
		Verdict verdict = EndpointPolicy.judge(URI.create(uri), true);

		assertThat(verdict).isEqualTo(Verdict.INSECURE_ALLOWED);
		assertThat(verdict.allowed()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "http://pubsub-edge.twitch.tv, NOT_WEBSOCKET", "https://pubsub-edge.twitch.tv, NOT_WEBSOCKET",
			"ftp://pubsub-edge.twitch.tv, NOT_WEBSOCKET", "file:///tmp/socket, NOT_WEBSOCKET",
			"mailto:someone@example.com, NOT_ABSOLUTE", "pubsub-edge.twitch.tv, NOT_ABSOLUTE", "/v1, NOT_ABSOLUTE",
			"//pubsub-edge.twitch.tv/v1, NOT_ABSOLUTE", "wss:///v1, NO_HOST", "ws://under_score/, NO_HOST",
			"ws://127.1/, NO_HOST", "ws://127.0.0.256/, NO_HOST" })
	void refusesWhatIsNoWebSocketUrlWhateverIsAllowed(String uri, Verdict expected) {
		for (boolean allowInsecure : new boolean[] { false, true }) {
			Verdict verdict = EndpointPolicy.judge(URI.create(uri), allowInsecure);

			assertThat(verdict).isEqualTo(expected);
			assertThat(verdict.allowed()).isFalse();
			assertThat(verdict.reason()).isNotEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource({ "wss://user:secret@example.com:8443/v1?token=abc, wss://***@example.com:8443/v1?***",
			"wss://example.com/v1, wss://example.com/v1" })
	void showsAUriWithoutCredentials(String uri, String shown) {
		assertThat(EndpointPolicy.redacted(URI.create(uri))).isEqualTo(shown);
	}

}
