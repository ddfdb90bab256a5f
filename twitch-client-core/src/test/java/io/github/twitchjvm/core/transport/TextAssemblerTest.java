package io.github.twitchjvm.core.transport;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAssemblerTest {

	private final Recorder recorder = new Recorder();

	private final TextAssembler assembler = new TextAssembler(10);

	@Test
	void aWholeMessagePassesAsIs() {
		this.assembler.accept("hello", true, this.recorder);
		assertThat(this.recorder.texts).containsExactly("hello");
	}

	@Test
	void partsArePutTogether() {
		this.assembler.accept("hel", false, this.recorder);
		this.assembler.accept("lo", false, this.recorder);
		this.assembler.accept("!", true, this.recorder);
		assertThat(this.recorder.texts).containsExactly("hello!");
	}

	@Test
	void aMessageOverTheLimitIsSkippedToItsEndAndTheNextArrives() {
		this.assembler.accept("12345678", false, this.recorder);
		this.assembler.accept("9012", false, this.recorder);
		this.assembler.accept("345", true, this.recorder);
		this.assembler.accept("next", true, this.recorder);
		this.assembler.accept("01234567890", true, this.recorder);
		assertThat(this.recorder.texts).containsExactly("next");
		assertThat(this.recorder.unusable).containsExactly("a message over the size limit (15 characters, limit 10)",
				"a message over the size limit (11 characters, limit 10)");
	}

	private static final class Recorder implements WebSocketListener {

		final List<String> texts = new ArrayList<>();

		final List<String> unusable = new ArrayList<>();

		@Override
		public void onText(String message) {
			this.texts.add(message);
		}

		@Override
		public void onUnusableMessage(String reason) {
			this.unusable.add(reason);
		}

		@Override
		public void onClosed(int code, String reason) {
		}

		@Override
		public void onError(Throwable error) {
		}

	}

}
