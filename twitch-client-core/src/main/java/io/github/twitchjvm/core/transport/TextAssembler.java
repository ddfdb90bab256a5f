package io.github.twitchjvm.core.transport;

import org.jspecify.annotations.Nullable;

/**
 * Puts a text message together from the parts a WebSocket library delivers, up to a size
 * limit: so a transport's own buffer per connection can stay small (most messages fit it
 * and pass without a copy) while a rare large message still arrives whole. A message over
 * the limit is skipped to its end. Used by one reading thread.
 */
public final class TextAssembler {

	private final int maxMessageSize;

	private final StringBuilder partial = new StringBuilder();

	private boolean discarding;

	private long discardedLength;

	/**
	 * Creates an assembler.
	 * @param maxMessageSize the longest message delivered, in characters
	 */
	public TextAssembler(int maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * Takes the next part.
	 * @param part the part
	 * @param last whether it ends the message
	 * @param listener told about the whole message, or that it was too large
	 */
	public void accept(CharSequence part, boolean last, WebSocketListener listener) {
		if (last && this.partial.length() == 0 && !this.discarding) {
			if (part.length() > this.maxMessageSize) {
				listener.onUnusableMessage(tooLarge(part.length()));
				return;
			}
			listener.onText(part.toString());
			return;
		}
		if (!this.discarding && (long) this.partial.length() + part.length() > this.maxMessageSize) {
			this.discardedLength = this.partial.length();
			this.partial.setLength(0);
			this.partial.trimToSize();
			this.discarding = true;
		}
		if (this.discarding) {
			this.discardedLength += part.length();
		}
		else {
			this.partial.append(part);
		}
		if (last) {
			String whole = complete();
			if (whole != null) {
				listener.onText(whole);
			}
			else {
				listener.onUnusableMessage(tooLarge(this.discardedLength));
			}
		}
	}

	private @Nullable String complete() {
		if (this.discarding) {
			this.discarding = false;
			return null;
		}
		String whole = this.partial.toString();
		this.partial.setLength(0);
		if (this.partial.capacity() > 64 * 1024) {
			// A rare large message must not keep its buffer for the connection's life.
			this.partial.trimToSize();
		}
		return whole;
	}

	private String tooLarge(long length) {
		return "a message over the size limit (" + length + " characters, limit " + this.maxMessageSize + ")";
	}

}
