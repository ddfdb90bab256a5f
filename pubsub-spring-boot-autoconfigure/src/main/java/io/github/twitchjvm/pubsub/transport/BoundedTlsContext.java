package io.github.twitchjvm.pubsub.transport;

import java.security.SecureRandom;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose engines bound the WebSocket handshake they carry
 * ({@link HandshakeBoundedEngine}): given to Tomcat's container, which has no limit of
 * its own on a handshake's response and cannot be interrupted while data keeps coming.
 * Everything else is the given context's: protocols, trust, sessions.
 */
final class BoundedTlsContext extends SSLContext {

	private BoundedTlsContext(SSLContext tls) {
		super(new Spi(tls), tls.getProvider(), tls.getProtocol());
	}

	/**
	 * @param tls an initialised context
	 * @return a context like it whose engines bound the handshake of the attempt that
	 * creates them ({@link WatchedConnects#running()})
	 */
	static SSLContext over(SSLContext tls) {
		return new BoundedTlsContext(tls);
	}

	private static final class Spi extends SSLContextSpi {

		private final SSLContext tls;

		Spi(SSLContext tls) {
			this.tls = tls;
		}

		@Override
		protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
			throw new UnsupportedOperationException("Initialise the context this one is over instead");
		}

		@Override
		protected SSLSocketFactory engineGetSocketFactory() {
			return this.tls.getSocketFactory();
		}

		@Override
		protected SSLServerSocketFactory engineGetServerSocketFactory() {
			return this.tls.getServerSocketFactory();
		}

		@Override
		protected SSLEngine engineCreateSSLEngine() {
			return HandshakeBoundedEngine.over(this.tls.createSSLEngine(), WatchedConnects.running());
		}

		@Override
		protected SSLEngine engineCreateSSLEngine(String host, int port) {
			return HandshakeBoundedEngine.over(this.tls.createSSLEngine(host, port), WatchedConnects.running());
		}

		@Override
		protected SSLSessionContext engineGetServerSessionContext() {
			return this.tls.getServerSessionContext();
		}

		@Override
		protected SSLSessionContext engineGetClientSessionContext() {
			return this.tls.getClientSessionContext();
		}

		@Override
		protected SSLParameters engineGetDefaultSSLParameters() {
			return this.tls.getDefaultSSLParameters();
		}

		@Override
		protected SSLParameters engineGetSupportedSSLParameters() {
			return this.tls.getSupportedSSLParameters();
		}

	}

}
