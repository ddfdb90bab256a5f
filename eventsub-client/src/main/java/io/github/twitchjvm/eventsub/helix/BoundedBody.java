package io.github.twitchjvm.eventsub.helix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP answer's body as UTF-8 text up to a limit in bytes; a longer one is
 * abandoned (the connection is cancelled) and fails, so that a server cannot make the
 * client hold an answer of any size.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {

	private final int maxBytes;

	private final CompletableFuture<String> body = new CompletableFuture<>();

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private Flow.@Nullable Subscription subscription;

	BoundedBody(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (this.body.isDone()) {
			return;
		}
		for (ByteBuffer item : items) {
			if (this.bytes.size() + item.remaining() > this.maxBytes) {
				Flow.Subscription current = this.subscription;
				if (current != null) {
					current.cancel();
				}
				this.body
					.completeExceptionally(new IOException("The answer is longer than " + this.maxBytes + " bytes"));
				return;
			}
			byte[] chunk = new byte[item.remaining()];
			item.get(chunk);
			this.bytes.write(chunk, 0, chunk.length);
		}
	}

	@Override
	public void onError(Throwable error) {
		this.body.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.bytes.toString(StandardCharsets.UTF_8));
	}

	@Override
	public CompletionStage<String> getBody() {
		return this.body;
	}

}
