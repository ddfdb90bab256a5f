package io.github.twitchjvm.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made by the JDK's {@code keytool} for
 * one test run, with a server context that presents it and a client context that trusts
 * it and nothing else.
 */
public final class SelfSignedTls {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private final SSLContext server;

	private final SSLContext client;

	private SelfSignedTls(SSLContext server, SSLContext client) {
		this.server = server;
		this.client = client;
	}

	/**
	 * Makes the certificate.
	 * @param directory where the key store may be written
	 * @return the contexts
	 * @throws IOException if keytool fails
	 * @throws InterruptedException if interrupted while keytool runs
	 * @throws GeneralSecurityException if the key store cannot be read
	 */
	public static SelfSignedTls create(Path directory)
			throws IOException, InterruptedException, GeneralSecurityException {
		Path store = directory.resolve("localhost.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "localhost",
				"-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
				"-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
				new String(PASSWORD), "-keypass", new String(PASSWORD)))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + output);
		}
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, PASSWORD);
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		SSLContext server = SSLContext.getInstance("TLS");
		server.init(keyManagers.getKeyManagers(), null, null);

		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("localhost", keys.getCertificate("localhost"));
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		SSLContext client = SSLContext.getInstance("TLS");
		client.init(null, trustManagers.getTrustManagers(), null);
		return new SelfSignedTls(server, client);
	}

	/**
	 * @return a context that presents the certificate
	 */
	public SSLContext server() {
		return this.server;
	}

	/**
	 * @return a context that trusts the certificate only
	 */
	public SSLContext client() {
		return this.client;
	}

}
