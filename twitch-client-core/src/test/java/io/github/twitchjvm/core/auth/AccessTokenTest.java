package io.github.twitchjvm.core.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccessTokenTest {

	@Test
	void neverShowsTheTokenInToString() {
		AccessToken token = AccessToken.of("s3cr3ttoken0000000000000000000", Set.of("whispers:read"));
		assertThat(token.toString()).doesNotContain("s3cr3t").contains("***").contains("whispers:read");
		assertThat(StaticTokenProvider.of(token).toString()).doesNotContain("s3cr3t");
	}

	@Test
	void dropsTheIrcStylePrefixTwitchRefuses() {
		assertThat(AccessToken.of("oauth:abc").value()).isEqualTo("abc");
		assertThat(AccessToken.of("OAuth:abc").value()).isEqualTo("abc");
		assertThatIllegalArgumentException().isThrownBy(() -> AccessToken.of("oauth:"));
	}

	@Test
	void lacksOnlyScopesItIsKnownToLack() {
		assertThat(AccessToken.of("t").lacksScope("bits:read")).as("unknown scopes lack nothing").isFalse();
		assertThat(AccessToken.of("t", Set.of("bits:read")).lacksScope("bits:read")).isFalse();
		assertThat(AccessToken.of("t", Set.of("bits:read")).lacksScope("whispers:read")).isTrue();
	}

	@Test
	void staticProvidersAnswerPerUserOrForEveryone() {
		AccessToken one = AccessToken.of("one");
		assertThat(StaticTokenProvider.of(one).token("1").toCompletableFuture().join()).isSameAs(one);
		assertThat(StaticTokenProvider.of(one).token(null).toCompletableFuture().join()).isSameAs(one);
		StaticTokenProvider perUser = StaticTokenProvider.forUsers(Map.of("1", one));
		assertThat(perUser.token("1").toCompletableFuture().join()).isSameAs(one);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> perUser.token("2").toCompletableFuture().join())
			.withMessageContaining("No token for user 2");
		assertThat(perUser.refresh("1", one).toCompletableFuture().join()).as("cannot refresh: the same token")
			.isSameAs(one);
	}

}
