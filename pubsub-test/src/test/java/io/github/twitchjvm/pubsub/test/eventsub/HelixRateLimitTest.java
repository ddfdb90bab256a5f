package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Instant;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Helix's token bucket per client id, 3 requests a minute here. */
class HelixRateLimitTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(
			FakeServerSettings.builder().eventSub(EventSubSettings.builder().helixRateLimit(3).build()).build());

	@Test
	void answers429WhenTheBucketIsEmptyWithTheHeaders() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		assertThat(helix.get("").headers().firstValue("Ratelimit-Remaining")).hasValue("2");
		assertThat(helix.get("").headers().firstValue("Ratelimit-Remaining")).hasValue("1");
		assertThat(helix.get("").headers().firstValue("Ratelimit-Remaining")).hasValue("0");
		Helix.Response refused = helix.get("").isError(429, "Too Many Requests", "Too Many Requests");
		assertThat(refused.headers().firstValue("Ratelimit-Limit")).hasValue("3");
		assertThat(refused.headers().firstValue("Ratelimit-Remaining")).hasValue("0");
		long reset = Long.parseLong(refused.headers().firstValue("Ratelimit-Reset").orElseThrow());
		assertThat(reset).as("when the bucket is full again, in Unix seconds")
			.isGreaterThan(Instant.now().getEpochSecond())
			.isLessThanOrEqualTo(Instant.now().getEpochSecond() + 61);

		server.reset();
		assertThat(helix.get("").status()).as("reset refills the buckets").isEqualTo(200);
	}

}
