package io.github.twitchjvm.pubsub.test;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

@FakeTwitch
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeTwitchExtensionTest {

	private static FakeTwitchServer started;

	@BeforeAll
	static void startedOnce(FakeTwitchServer server) {
		started = server;
	}

	@Test
	void injectsTheRunningServer(FakeTwitchServer server) {
		assertThat(server).isSameAs(started);
		assertThat(server.pubSubUri().getHost()).isEqualTo("127.0.0.1");
		assertThat(server.port()).isPositive();
	}

	@Test
	@Order(1)
	void resetsFaultsBeforeEachTest(FakeTwitchServer server) {
		server.faults().answerPings(false);
		server.faults().failNextListens(3, "ERR_SERVER");
	}

	@Test
	@Order(2)
	void seesNoFaultsOfTheTestBefore(FakeTwitchServer server) {
		try (TestSocket socket = TestSocket.connect(server)) {
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
		}
	}

	@Nested
	class NestedTests {

		@Test
		void shareTheOuterServer(FakeTwitchServer server) {
			assertThat(server).isSameAs(started);
		}

	}

}
