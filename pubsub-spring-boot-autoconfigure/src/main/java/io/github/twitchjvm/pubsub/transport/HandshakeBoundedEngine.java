package io.github.twitchjvm.pubsub.transport;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.jspecify.annotations.Nullable;

/**
 * An {@link SSLEngine} that counts what the server sends until the WebSocket session
 * opens, and fails the connection's next read once that passes
 * {@link #MAX_HANDSHAKE_BYTES} or once the connection attempt failed: the bound Tomcat's
 * client lacks (it reads a handshake's headers into memory without limit, and an
 * interrupt reaches it only when it has to wait for data). Everything else is the
 * delegate's.
 */
final class HandshakeBoundedEngine extends SSLEngine {

	/**
	 * The most a server may send before the session opens: a handshake's response is a
	 * few hundred bytes.
	 */
	static final int MAX_HANDSHAKE_BYTES = 64 * 1024;

	private final SSLEngine delegate;

	private final WatchedConnects.Attempt attempt;

	/** Bytes decrypted before the session opened; the reading thread's only. */
	private long received;

	private HandshakeBoundedEngine(SSLEngine delegate, WatchedConnects.Attempt attempt) {
		super(delegate.getPeerHost(), delegate.getPeerPort());
		this.delegate = delegate;
		this.attempt = attempt;
	}

	/**
	 * @param delegate the engine
	 * @param attempt the connection attempt the engine is for, if known
	 * @return an engine that bounds that attempt's handshake, or the engine itself when
	 * no attempt is known (it was not created by a connecting thread of the transport)
	 */
	static SSLEngine over(SSLEngine delegate, WatchedConnects.@Nullable Attempt attempt) {
		return (attempt != null) ? new HandshakeBoundedEngine(delegate, attempt) : delegate;
	}

	@Override
	public SSLEngineResult unwrap(ByteBuffer source, ByteBuffer[] destinations, int offset, int length)
			throws SSLException {
		SSLEngineResult result = this.delegate.unwrap(source, destinations, offset, length);
		if (!this.attempt.isOpen()) {
			if (this.attempt.isStopped()) {
				throw new SSLException("The connection attempt failed: its WebSocket handshake is given up");
			}
			this.received += result.bytesProduced();
			if (this.received > MAX_HANDSHAKE_BYTES) {
				throw new SSLException("The server sent more than " + MAX_HANDSHAKE_BYTES / 1024
						+ " KiB before the WebSocket session opened: given up");
			}
		}
		return result;
	}

	@Override
	public SSLEngineResult wrap(ByteBuffer[] sources, int offset, int length, ByteBuffer destination)
			throws SSLException {
		return this.delegate.wrap(sources, offset, length, destination);
	}

	@Override
	public @Nullable Runnable getDelegatedTask() {
		return this.delegate.getDelegatedTask();
	}

	@Override
	public void closeInbound() throws SSLException {
		this.delegate.closeInbound();
	}

	@Override
	public boolean isInboundDone() {
		return this.delegate.isInboundDone();
	}

	@Override
	public void closeOutbound() {
		this.delegate.closeOutbound();
	}

	@Override
	public boolean isOutboundDone() {
		return this.delegate.isOutboundDone();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.delegate.getSupportedCipherSuites();
	}

	@Override
	public String[] getEnabledCipherSuites() {
		return this.delegate.getEnabledCipherSuites();
	}

	@Override
	public void setEnabledCipherSuites(String[] suites) {
		this.delegate.setEnabledCipherSuites(suites);
	}

	@Override
	public String[] getSupportedProtocols() {
		return this.delegate.getSupportedProtocols();
	}

	@Override
	public String[] getEnabledProtocols() {
		return this.delegate.getEnabledProtocols();
	}

	@Override
	public void setEnabledProtocols(String[] protocols) {
		this.delegate.setEnabledProtocols(protocols);
	}

	@Override
	public SSLSession getSession() {
		return this.delegate.getSession();
	}

	@Override
	public SSLSession getHandshakeSession() {
		return this.delegate.getHandshakeSession();
	}

	@Override
	public void beginHandshake() throws SSLException {
		this.delegate.beginHandshake();
	}

	@Override
	public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
		return this.delegate.getHandshakeStatus();
	}

	@Override
	public void setUseClientMode(boolean mode) {
		this.delegate.setUseClientMode(mode);
	}

	@Override
	public boolean getUseClientMode() {
		return this.delegate.getUseClientMode();
	}

	@Override
	public void setNeedClientAuth(boolean need) {
		this.delegate.setNeedClientAuth(need);
	}

	@Override
	public boolean getNeedClientAuth() {
		return this.delegate.getNeedClientAuth();
	}

	@Override
	public void setWantClientAuth(boolean want) {
		this.delegate.setWantClientAuth(want);
	}

	@Override
	public boolean getWantClientAuth() {
		return this.delegate.getWantClientAuth();
	}

	@Override
	public void setEnableSessionCreation(boolean flag) {
		this.delegate.setEnableSessionCreation(flag);
	}

	@Override
	public boolean getEnableSessionCreation() {
		return this.delegate.getEnableSessionCreation();
	}

	@Override
	public SSLParameters getSSLParameters() {
		return this.delegate.getSSLParameters();
	}

	@Override
	public void setSSLParameters(SSLParameters parameters) {
		this.delegate.setSSLParameters(parameters);
	}

	@Override
	public @Nullable String getApplicationProtocol() {
		return this.delegate.getApplicationProtocol();
	}

	@Override
	public @Nullable String getHandshakeApplicationProtocol() {
		return this.delegate.getHandshakeApplicationProtocol();
	}

	@Override
	public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
		this.delegate.setHandshakeApplicationProtocolSelector(selector);
	}

	@Override
	public @Nullable BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
		return this.delegate.getHandshakeApplicationProtocolSelector();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
