package io.github.twitchjvm.pubsub.protocol;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoncesTest {

	@Test
	void givesDistinctAlphanumericNoncesOf30Characters() {
		Set<String> nonces = new HashSet<>();
		Set<Character> characters = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String nonce = Nonces.next();
			assertThat(nonce).hasSize(30).matches("[A-Za-z0-9]{30}");
			nonces.add(nonce);
			for (char c : nonce.toCharArray()) {
				characters.add(c);
			}
		}
		assertThat(nonces).hasSize(10_000);
		// 300,000 characters use the whole alphabet: no character is left out by the bit
		// slicing.
		assertThat(characters).hasSize(62);
	}

}
