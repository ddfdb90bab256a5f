package io.github.twitchjvm.pubsub.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A token file holds secrets: whatever is wrong in it, the error names the entry and the
 * field, and shows nothing of the file's content.
 */
class TokenFileTest {

	private static final String SECRET = "s3cretvalue0000000000000000000";

	private final TwitchAccounts accounts = new TwitchAccounts(Duration.ofHours(4), Clock.systemUTC());

	@TempDir
	Path directory;

	@Test
	void namesTheEntryAndTheMissingFieldWithoutShowingTheEntry() throws Exception {
		Path file = write("""
				{ "users": [ { "user_id": "4242", "login": "filed", "tokens": [
				    { "access_token": "firsttoken0000000000000000000a" },
				    { "refresh_token": "%s", "scopes": ["bits:read"] } ] } ] }
				""".formatted(SECRET));
		assertThat(failure(() -> TokenFile.load(file, this.accounts))).hasMessageContaining("users[0].tokens[1]")
			.hasMessageContaining("'access_token'")
			.satisfies(this::showsNoSecret);
	}

	@Test
	void namesAClientEntryWithoutShowingItsSecret() throws Exception {
		Path file = write("""
				{ "clients": [ { "client_id": "ok", "client_secret": "fine" },
				               { "client_id": "myclient", "client_scret": "%s" } ] }
				""".formatted(SECRET));
		assertThat(failure(() -> TokenFile.load(file, this.accounts))).hasMessageContaining("clients[1]")
			.hasMessageContaining("'client_secret'")
			.satisfies(this::showsNoSecret);
	}

	@Test
	void registersAClientsRedirectUris() throws Exception {
		Path file = write("""
				{ "clients": [ { "client_id": "bot", "client_secret": "botsecret",
				                 "redirect_uris": [ "https://bot.example/login/oauth2/code/twitch" ] } ] }
				""");
		TokenFile.load(file, this.accounts);
		assertThat(this.accounts.acceptsRedirect("bot", "https://bot.example/login/oauth2/code/twitch")).isTrue();
		assertThat(this.accounts.acceptsRedirect("bot", "http://localhost:8080/login/oauth2/code/twitch")).isFalse();
		Path invalid = write("""
				{ "clients": [ { "client_id": "bot2", "client_secret": "s", "redirect_uris": [ "bot.example/cb" ] } ] }
				""");
		assertThat(failure(() -> TokenFile.load(invalid, this.accounts))).hasMessageContaining("clients[0]")
			.hasMessageContaining("redirect URI");
	}

	@Test
	void reportsMalformedJsonByPositionOnly() throws Exception {
		// Unquoted, the token is a token the JSON parser quotes in its own message.
		Path file = write("""
				{ "users": [ { "user_id": "4242", "login": "filed",
				               "tokens": [ { "access_token": %s } ] } ] }
				""".formatted(SECRET));
		assertThat(failure(() -> TokenFile.load(file, this.accounts))).hasMessageContaining("not valid JSON")
			.hasMessageContaining("line 2")
			.satisfies(this::showsNoSecret);
	}

	@Test
	void rejectsAValueOfTheWrongTypeWithoutShowingIt() throws Exception {
		Path file = write(
				"""
						{ "users": [ { "user_id": "4242", "login": "filed",
						               "tokens": [ { "access_token": "firsttoken0000000000000000000a", "expires_in": "%s" } ] } ] }
						"""
					.formatted(SECRET));
		assertThat(failure(() -> TokenFile.load(file, this.accounts))).hasMessageContaining("users[0].tokens[0]")
			.hasMessageContaining("'expires_in'")
			.satisfies(this::showsNoSecret);
	}

	@Test
	void theStandaloneServerPrintsOneLineAndExits() throws Exception {
		Path file = write("""
				{ "users": [ { "user_id": "4242", "login": "filed", "tokens": [ { "refresh_token": "%s" } ] } ] }
				""".formatted(SECRET));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		FakeTwitchServerMain.Launch launch = FakeTwitchServerMain.launch(
				new String[] { "--port", "0", "--control-port", "-1", "--tokens", file.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(launch.server()).isNull();
		assertThat(launch.exitStatus()).isEqualTo(FakeTwitchServerMain.EXIT_CANNOT_START);
		assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
			.contains("users[0].tokens[0]")
			.contains("'access_token'")
			.doesNotContain(SECRET);
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
	}

	private Path write(String json) throws Exception {
		return Files.writeString(this.directory.resolve("tokens.json"), json);
	}

	private static Throwable failure(ThrowingCallable load) {
		Throwable failure = catchThrowable(load);
		assertThat(failure).isInstanceOf(IllegalArgumentException.class);
		return failure;
	}

	/** Neither the message nor any cause's, where a stack trace would show them. */
	private void showsNoSecret(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(SECRET)
				.doesNotContain(SECRET.substring(0, 12));
		}
	}

}
