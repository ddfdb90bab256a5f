package io.github.twitchjvm.core.log;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

	@Test
	void escapesControlCharactersSoAPeerCannotForgeLogLines() {
		assertThat(LogText.safe("ok\n2026-12-03 ERROR forged\r\t\u001b[31m"))
			.isEqualTo("ok\\n2026-12-03 ERROR forged\\r\\t\\u001b[31m");
	}

	@Test
	void leavesPlainTextAloneAndShortensLongText() {
		assertThat(LogText.safe("whispers.44322889")).isEqualTo("whispers.44322889");
		assertThat(LogText.safe("x".repeat(500), 10)).isEqualTo("xxxxxxxxxx... (500 characters)");
		assertThat(LogText.safe(null)).isEqualTo("null");
	}

}
