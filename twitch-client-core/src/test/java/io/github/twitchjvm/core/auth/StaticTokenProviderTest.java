package io.github.twitchjvm.core.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticTokenProviderTest {

	@Test
	void oneTokenServesEveryUser() {
		StaticTokenProvider provider = StaticTokenProvider.of("abcdefghijklmnopqrstuvwxyz0123");
		assertThat(provider.hasTokenFor("1")).isTrue();
		assertThat(provider.hasTokenFor(null)).isTrue();
		assertThat(provider.token("2").toCompletableFuture().join().value())
			.isEqualTo("abcdefghijklmnopqrstuvwxyz0123");
	}

	@Test
	void tokensPerUserServeOnlyTheirUsers() {
		StaticTokenProvider provider = StaticTokenProvider
			.forUsers(Map.of("1", AccessToken.of("abcdefghijklmnopqrstuvwxyz0123")));
		assertThat(provider.hasTokenFor("1")).isTrue();
		assertThat(provider.hasTokenFor("2")).isFalse();
		assertThat(provider.hasTokenFor(null)).isFalse();
		assertThat(provider.token("2").toCompletableFuture()).isCompletedExceptionally();
		assertThat(provider.toString()).isEqualTo("StaticTokenProvider[1 users]").doesNotContain("abcdef");
	}

}
