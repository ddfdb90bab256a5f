package io.github.twitchjvm.pubsub.protocol;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Nonces for LISTEN and UNLISTEN requests, which the server echoes in its RESPONSE so
 * that the response can be matched to the request.
 *
 * <p>
 * Nonces only need to be unique, not secret, so a {@link ThreadLocalRandom} suffices: 30
 * alphanumeric characters carry about 178 random bits, which makes a collision
 * practically impossible.
 */
public final class Nonces {

	/** The length twitch4j used; the protocol sets no limit. */
	static final int LENGTH = 30;

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final int BITS_PER_CHAR = 6;

	private static final int CHARS_PER_LONG = Long.SIZE / BITS_PER_CHAR;

	private static final int CHAR_MASK = (1 << BITS_PER_CHAR) - 1;

	private Nonces() {
	}

	/**
	 * Returns a new nonce.
	 * @return 30 characters from {@code [A-Za-z0-9]}
	 */
	public static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] chars = new char[LENGTH];
		int count = 0;
		while (count < LENGTH) {
			long bits = random.nextLong();
			for (int i = 0; i < CHARS_PER_LONG && count < LENGTH; i++) {
				int index = (int) (bits & CHAR_MASK);
				bits >>>= BITS_PER_CHAR;
				// Drops the 2 of 64 values beyond the alphabet rather than folding them
				// in, which would bias
				// some characters.
				if (index < ALPHABET.length) {
					chars[count++] = ALPHABET[index];
				}
			}
		}
		return new String(chars);
	}

}
