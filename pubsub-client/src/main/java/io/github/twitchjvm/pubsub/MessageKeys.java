package io.github.twitchjvm.pubsub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.github.twitchjvm.pubsub.message.PubSubMessage;

/**
 * What a handover compares messages by: a SHA-256 digest of the text instead of the text,
 * so that what a merge remembers of the old socket's messages stays small (about 60 bytes
 * a message, not up to a megabyte) while equal texts still have equal keys and different
 * ones, in practice, never do. Only computed during handovers.
 */
final class MessageKeys {

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must provide SHA-256.
			throw new IllegalStateException(ex);
		}
	});

	private MessageKeys() {
	}

	static String of(PubSubMessage message) {
		byte[] digest = SHA_256.get().digest(message.text().getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().withoutPadding().encodeToString(digest);
	}

}
