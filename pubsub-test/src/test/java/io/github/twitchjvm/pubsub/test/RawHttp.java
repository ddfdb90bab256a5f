package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket to 127.0.0.1, for requests the JDK's client
 * refuses to make: a {@code Host} of another name, as after DNS rebinding, or a browser's
 * {@code Origin}.
 */
final class RawHttp {

	private final int port;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private RawHttp(int port) {
		this.port = port;
	}

	static RawHttp to(int port) {
		return new RawHttp(port);
	}

	RawHttp header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	Response get(String path) throws IOException {
		return send("GET", path, "");
	}

	Response post(String path, String contentType, String body) throws IOException {
		this.headers.put("Content-Type", contentType);
		return send("POST", path, body);
	}

	/**
	 * Sends the request and reads the answer up to the end of the status line and
	 * headers.
	 */
	String statusLineOfUpgrade(String path) throws IOException {
		try (Socket socket = open()) {
			socket.getOutputStream().write(head("GET", path, 0).getBytes(StandardCharsets.UTF_8));
			StringBuilder line = new StringBuilder();
			InputStream in = socket.getInputStream();
			for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
				line.append((char) c);
			}
			return line.toString();
		}
	}

	private Response send(String method, String path, String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		this.headers.put("Connection", "close");
		try (Socket socket = open()) {
			socket.getOutputStream().write(head(method, path, content.length).getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().write(content);
			socket.getOutputStream().flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
			int bodyStart = answer.indexOf("\r\n\r\n");
			return new Response(status, (bodyStart < 0) ? "" : answer.substring(bodyStart + 4));
		}
	}

	private Socket open() throws IOException {
		Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), this.port);
		socket.setSoTimeout(10_000);
		return socket;
	}

	private String head(String method, String path, int contentLength) {
		StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
		this.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (contentLength > 0) {
			head.append("Content-Length: ").append(contentLength).append("\r\n");
		}
		return head.append("\r\n").toString();
	}

	record Response(int status, String body) {
	}

}
