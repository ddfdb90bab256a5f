package io.github.twitchjvm.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * A server on {@code 127.0.0.1} that answers WebSocket handshakes the way a hostile or
 * misconfigured server would, for the transports' tests: a response dripped one byte at a
 * time, headers that never end, a redirect, or (to see whether a client went somewhere) a
 * well-formed {@code 101} that then holds the connection. Plain sockets, one thread per
 * connection: nothing here is a WebSocket library, so nothing tolerates the client
 * either.
 */
public final class HandshakeServer implements AutoCloseable {

	/** How much a request may have before the server stops reading it. */
	private static final int MAX_REQUEST_BYTES = 16 * 1024;

	/**
	 * The most the endless-header server writes, so that a client without any bound
	 * cannot keep a test running for ever.
	 */
	private static final long ENDLESS_LIMIT_BYTES = 512L * 1024 * 1024;

	private final ServerSocket socket;

	private final Script script;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger endedByClient = new AtomicInteger();

	private final AtomicLong bytesWritten = new AtomicLong();

	private final CopyOnWriteArrayList<Socket> accepted = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	private final String scheme;

	private HandshakeServer(Script script, @Nullable SSLContext tls) throws IOException {
		this.socket = (tls != null)
				? tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress())
				: new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.scheme = (tls != null) ? "wss" : "ws";
		this.script = script;
		Thread acceptor = new Thread(this::accept, "handshake-server-" + this.socket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * A server that answers {@code 101 Switching Protocols} one byte every 100 ms, and
	 * never finishes its headers.
	 * @return the server, listening
	 * @throws IOException if it cannot listen
	 */
	public static HandshakeServer dripping() throws IOException {
		return new HandshakeServer(HandshakeServer::drip, null);
	}

	/**
	 * A server that answers {@code 101 Switching Protocols} and then headers as fast as
	 * the client reads them, without end.
	 * @return the server, listening
	 * @throws IOException if it cannot listen
	 */
	public static HandshakeServer endlessHeaders() throws IOException {
		return new HandshakeServer(HandshakeServer::endless, null);
	}

	/**
	 * A server that answers {@code 101 Switching Protocols} and then headers without end,
	 * over TLS.
	 * @param tls the server's TLS context ({@link SelfSignedTls#server()})
	 * @return the server, listening
	 * @throws IOException if it cannot listen
	 */
	public static HandshakeServer endlessHeaders(SSLContext tls) throws IOException {
		return new HandshakeServer(HandshakeServer::endless, tls);
	}

	/**
	 * A server that answers {@code 302 Found} with the given location.
	 * @param location the {@code Location} header's value
	 * @return the server, listening
	 * @throws IOException if it cannot listen
	 */
	public static HandshakeServer redirectingTo(URI location) throws IOException {
		return new HandshakeServer((server, request, connection) -> {
			OutputStream out = connection.getOutputStream();
			server.write(out,
					("HTTP/1.1 302 Found\r\nLocation: " + location
							+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}, null);
	}

	/**
	 * A server that completes every handshake and then keeps the connection until the
	 * client closes it; {@link #connections()} tells whether anything came.
	 * @return the server, listening
	 * @throws IOException if it cannot listen
	 */
	public static HandshakeServer accepting() throws IOException {
		return new HandshakeServer(HandshakeServer::switchProtocols, null);
	}

	/**
	 * A server that completes every handshake over TLS and then keeps the connection.
	 * @param tls the server's TLS context ({@link SelfSignedTls#server()})
	 * @return the server, listening
	 * @throws IOException if it cannot listen
	 */
	public static HandshakeServer accepting(SSLContext tls) throws IOException {
		return new HandshakeServer(HandshakeServer::switchProtocols, tls);
	}

	/**
	 * @return {@code ws://127.0.0.1:<port>/}, or {@code wss://} over TLS
	 */
	public URI uri() {
		return URI.create(this.scheme + "://127.0.0.1:" + this.socket.getLocalPort() + "/");
	}

	/**
	 * @return how many connections were accepted
	 */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * @return how many connections the client closed while the server still had something
	 * to say (writing failed, or reading ended)
	 */
	public int endedByClient() {
		return this.endedByClient.get();
	}

	/**
	 * @return how many bytes of responses the server handed to the network (the client
	 * read them, or they wait in socket buffers)
	 */
	public long bytesWritten() {
		return this.bytesWritten.get();
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.socket.close();
		for (Socket connection : this.accepted) {
			connection.close();
		}
	}

	private void accept() {
		while (!this.closed) {
			Socket connection;
			try {
				connection = this.socket.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.connections.incrementAndGet();
			this.accepted.add(connection);
			Thread serving = new Thread(() -> serve(connection), "handshake-connection-" + this.connections.get());
			serving.setDaemon(true);
			serving.start();
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			String request = readRequest(connection.getInputStream());
			this.script.answer(this, request, connection);
		}
		catch (IOException ex) {
			if (!this.closed) {
				this.endedByClient.incrementAndGet();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void write(OutputStream out, byte[] bytes) throws IOException {
		out.write(bytes);
		this.bytesWritten.addAndGet(bytes.length);
	}

	private static String readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length && request.size() < MAX_REQUEST_BYTES) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("The client closed before its request ended");
			}
			request.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return request.toString(StandardCharsets.ISO_8859_1);
	}

	private static void drip(HandshakeServer server, String request, Socket connection)
			throws IOException, InterruptedException {
		OutputStream out = connection.getOutputStream();
		byte[] response = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "X-Drip: " + "a".repeat(100_000))
			.getBytes(StandardCharsets.ISO_8859_1);
		for (byte next : response) {
			server.write(out, new byte[] { next });
			out.flush();
			// The point of this server is its pace: a timer, not synchronisation.
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	private static void endless(HandshakeServer server, String request, Socket connection) throws IOException {
		OutputStream out = connection.getOutputStream();
		server.write(out, "HTTP/1.1 101 Switching Protocols\r\n".getBytes(StandardCharsets.ISO_8859_1));
		// Less than 1 KiB per write, so that over TLS each is a record small enough for
		// any client's read buffer.
		StringBuilder chunk = new StringBuilder();
		for (int i = 0; chunk.length() < 900; i++) {
			chunk.append("X-Filler-").append(i).append(": ").append("b".repeat(40)).append("\r\n");
		}
		byte[] bytes = chunk.toString().getBytes(StandardCharsets.ISO_8859_1);
		while (server.bytesWritten() < ENDLESS_LIMIT_BYTES) {
			server.write(out, bytes);
		}
	}

	private static void switchProtocols(HandshakeServer server, String request, Socket connection) throws IOException {
		OutputStream out = connection.getOutputStream();
		String key = header(request, "sec-websocket-key");
		server
			.write(out,
					("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
							+ "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		// Holds the connection (whatever the client sends is ignored) until the client
		// ends it.
		InputStream in = connection.getInputStream();
		while (in.read() >= 0) {
			// Reads until the client closes.
		}
	}

	private static String header(String request, String name) throws IOException {
		for (String line : request.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		throw new IOException("The request has no " + name);
	}

	private static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the server answers to one request. */
	@FunctionalInterface
	private interface Script {

		void answer(HandshakeServer server, String request, Socket connection) throws IOException, InterruptedException;

	}

}
