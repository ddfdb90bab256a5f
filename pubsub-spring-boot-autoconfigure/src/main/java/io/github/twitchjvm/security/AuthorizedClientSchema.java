package io.github.twitchjvm.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;

/**
 * Creates the table {@link JdbcOAuth2AuthorizedClientService} keeps authorized clients
 * in, {@code oauth2_authorized_client}, when the database has none: with Spring
 * Security's own script for PostgreSQL ({@code bytea} columns), or its generic one
 * otherwise. An application that manages its schema itself (Flyway, Liquibase) has the
 * table already, and nothing is done.
 */
final class AuthorizedClientSchema {

	private static final String SCRIPTS = "/org/springframework/security/oauth2/client/";

	private AuthorizedClientSchema() {
	}

	static void createIfMissing(JdbcOperations jdbc) {
		try {
			jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_authorized_client WHERE 1 = 0", Integer.class);
			return;
		}
		catch (DataAccessException ex) {
			// No table yet: created below.
		}
		String product = jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
		boolean postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
		for (String statement : script(postgres ? "oauth2-client-schema-postgres.sql" : "oauth2-client-schema.sql")
			.split(";")) {
			if (!statement.isBlank()) {
				jdbc.execute(statement);
			}
		}
	}

	private static String script(String name) {
		try (InputStream in = JdbcOAuth2AuthorizedClientService.class.getResourceAsStream(SCRIPTS + name)) {
			if (in == null) {
				throw new IllegalStateException("Spring Security's " + name + " is not on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read Spring Security's " + name, ex);
		}
	}

}
