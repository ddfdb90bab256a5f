package io.github.twitchjvm.pubsub.test.eventsub;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WebSocket pings: a client that never answers them (written by hand, since the JDK's
 * client always does) is closed with 4002.
 */
class PingPongTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.eventSub(EventSubSettings.builder().pings(Duration.ofMillis(100), Duration.ofMillis(300)).build())
		.build());

	@Test
	void closesAClientThatDoesNotAnswerPingsWith4002() throws IOException {
		FakeTwitchServer server = twitch.server();
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			assertThat(headLine(in)).isEqualTo("HTTP/1.1 101 Switching Protocols");
			while (!headLine(in).isEmpty()) {
				// The rest of the handshake's head.
			}
			List<Integer> opcodes = new ArrayList<>();
			int closeCode = -1;
			while (closeCode < 0) {
				int first = in.readUnsignedByte();
				int length = in.readUnsignedByte() & 0x7f;
				if (length == 126) {
					length = in.readUnsignedShort();
				}
				byte[] payload = in.readNBytes(length);
				opcodes.add(first & 0x0f);
				if ((first & 0x0f) == 0x8) {
					closeCode = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
				}
			}
			assertThat(opcodes).as("welcome, a ping, the close").startsWith(0x1).contains(0x9).endsWith(0x8);
			assertThat(closeCode).isEqualTo(4002);
		}
	}

	private static String headLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c == -1) {
				throw new IOException("The server closed the connection");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

}
