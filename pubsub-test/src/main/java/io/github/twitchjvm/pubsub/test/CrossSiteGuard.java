package io.github.twitchjvm.pubsub.test;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

import org.jspecify.annotations.Nullable;

/**
 * Keeps web pages away from the control API and the OAuth endpoints: a page open in a
 * browser on the same machine could otherwise publish, revoke tokens or fill the token
 * store, by a cross-origin request or by rebinding its DNS name to {@code 127.0.0.1}.
 * Answers 403 to a request whose {@code Host} is not an {@linkplain AllowedHosts allowed
 * name}, or whose {@code Origin} (which browsers send with cross-origin requests and with
 * every POST) is not the server's own {@code http://<host>}. Clients outside a browser
 * send no {@code Origin} and a {@code Host} naming the address they connect to, so they
 * pass.
 */
@ChannelHandler.Sharable
final class CrossSiteGuard extends ChannelInboundHandlerAdapter {

	private final AllowedHosts hosts;

	CrossSiteGuard(AllowedHosts hosts) {
		this.hosts = hosts;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (message instanceof FullHttpRequest request) {
			String refusal = refusal(request);
			if (refusal != null) {
				try {
					new HttpExchange(context, request).error(HttpResponseStatus.FORBIDDEN, refusal);
				}
				finally {
					ReferenceCountUtil.release(request);
				}
				return;
			}
		}
		context.fireChannelRead(message);
	}

	private @Nullable String refusal(FullHttpRequest request) {
		String host = request.headers().get(HttpHeaderNames.HOST);
		if (!this.hosts.allow(host)) {
			return "Host '" + host + "' is not allowed: this fake server answers only " + this.hosts.describe()
					+ " (see FakeServerSettings.allowedHosts, --allowed-host)";
		}
		String origin = request.headers().get(HttpHeaderNames.ORIGIN);
		if (origin != null && (host == null || !origin.trim().equalsIgnoreCase("http://" + host.trim()))) {
			return "Cross-origin request refused: Origin '" + origin + "' is not this server's own";
		}
		return null;
	}

}
