// twurple as a peer in the throughput suite of pubsub-benchmarks, started by TwurplePeer:
//
//   TWURPLE_PEER_TOKEN=<access token> node twurple-peer.mjs <ws:// URL of the fake server> <user id>
//
// It listens to the user's whispers through twurple's own typed API (PubSubClient.onWhisper, which hands
// each handler a PubSubWhisperMessage) and counts them. It talks to the benchmark over its standard streams,
// one line each way, so that the benchmark times the burst itself:
//   in:  "notify <n>"  print "reached <count>" as soon as <count> >= n (at once if it already is)
//        "close"       stop listening and exit
//   out: "started"                 the handler is added (twurple connects and LISTENs on its own)
//        "reached <count>"         after a notify
//        "count <count>"           every 100 ms while the count changes (for a burst that never completes)
//        "error <text>"            a LISTEN failed
import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { StaticAuthProvider } from '@twurple/auth';
import { PubSubClient } from '@twurple/pubsub';

const [url, userId] = process.argv.slice(2);
const token = process.env.TWURPLE_PEER_TOKEN;
if (!url || !userId || !token) {
	process.stderr.write('usage: TWURPLE_PEER_TOKEN=<token> node twurple-peer.mjs <ws url> <user id>\n');
	process.exit(2);
}
const server = new URL(url);

// Run-time patch 1 of 2. Before it LISTENs, twurple validates the token at https://id.twitch.tv/oauth2/validate
// (through node-fetch, which calls https.request). The fake server answers that path on its PubSub port, so
// that request, and only that one, goes there over plain HTTP. It happens once, before any message.
const httpsRequest = https.request;
https.request = function (options, ...rest) {
	if (options && typeof options === 'object' && !(options instanceof URL) && options.hostname === 'id.twitch.tv') {
		const local = { ...options, protocol: 'http:', host: server.hostname, hostname: server.hostname,
			port: server.port, agent: undefined };
		return http.request(local, ...rest);
	}
	return httpsRequest.call(this, options, ...rest);
};

const authProvider = new StaticAuthProvider('twurple-peer', token, ['whispers:read']);
const client = new PubSubClient({ authProvider });

// Run-time patch 2 of 2. twurple 7.4.0 has no option for the PubSub server: BasicPubSubClient builds its
// PersistentConnection with the target { hostName: 'pubsub-edge.twitch.tv', port: 443, secure: true }. The
// connection reads its target when it connects (on the first handler, below), and its WebSocketConnection
// takes a { url } target as well, so the target is replaced before that. Nothing on the message path changes.
client._basicClient._connection._target = { url };

let count = 0;
let notifyAt = Infinity;
let lastReported = 0;

function notifyIfReached() {
	if (count >= notifyAt) {
		notifyAt = Infinity;
		lastReported = count;
		process.stdout.write(`reached ${count}\n`);
	}
}

client.onListenError((handler, error) => {
	process.stdout.write(`error ${handler.topic}: ${String(error && error.message).replace(/\s+/g, ' ')}\n`);
});

client.onWhisper(userId, (whisper) => {
	count++;
	if (count >= notifyAt) {
		notifyIfReached();
	}
});

setInterval(() => {
	if (count !== lastReported) {
		lastReported = count;
		process.stdout.write(`count ${count}\n`);
	}
}, 100);

function close() {
	client.removeAllHandlers();
	process.exit(0);
}

createInterface({ input: process.stdin }).on('line', (line) => {
	const [command, argument] = line.trim().split(' ');
	if (command === 'notify') {
		notifyAt = Number(argument);
		notifyIfReached();
	}
	else if (command === 'close') {
		close();
	}
}).on('close', close);

process.stdout.write('started\n');
