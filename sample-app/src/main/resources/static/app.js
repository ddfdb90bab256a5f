// The live page: entries arrive as server-sent events on /feed; the rest is read from /api/state every two seconds.
// Text from Twitch is only ever set as textContent, never as HTML.
"use strict";

const MAX_ROWS = 200;
let lastId = 0;
let lastRun = null;
let seen = 0;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function addEntry(entry) {
  // Ids count from 1 again when the application restarts: a new run starts a new count.
  if (entry.run !== lastRun) {
    lastRun = entry.run;
    lastId = 0;
  }
  // A reconnected stream sends the recent entries again: show each once.
  if (entry.id <= lastId) {
    return;
  }
  lastId = entry.id;
  seen++;
  document.getElementById("seen").textContent = seen;
  const row = element("li", undefined, "entry " + entry.family);
  row.dataset.family = entry.family;
  row.append(element("time", new Date(entry.at).toLocaleTimeString()), element("span", entry.family, "family"),
      element("span", entry.text, "text"));
  const feed = document.getElementById("feed");
  feed.prepend(row);
  while (feed.children.length > MAX_ROWS) {
    feed.lastChild.remove();
  }
}

function connectStream() {
  const status = document.getElementById("stream");
  const source = new EventSource("feed");
  source.addEventListener("feed", (event) => addEntry(JSON.parse(event.data)));
  source.onopen = () => {
    status.textContent = "stream: live";
    status.className = "badge up";
  };
  source.onerror = () => {
    // EventSource reconnects by itself.
    status.textContent = "stream: reconnecting";
    status.className = "badge down";
  };
}

function fill(id, items) {
  const list = document.getElementById(id);
  list.replaceChildren(...(items.length ? items : ["none yet"]).map((item) => element("li", item)));
}

function fillTable(id, rows) {
  const body = document.querySelector("#" + id + " tbody");
  body.replaceChildren(...rows.map((cells) => {
    const row = element("tr");
    cells.forEach((cell) => row.append(element("td", String(cell))));
    return row;
  }));
}

function entries(map, format) {
  return Object.entries(map).map(([key, value]) => format(key, value));
}

function render(state) {
  document.getElementById("transport").textContent = "over " + (state.transport === "eventsub" ? "EventSub" : "PubSub");
  const connection = document.getElementById("connection");
  connection.textContent = state.connected ? "connected" : (state.running ? "connecting" : "not started");
  connection.className = "badge " + (state.connected ? "up" : "down");
  document.getElementById("received").textContent = state.received;
  document.getElementById("dropped").textContent = state.feed.dropped;
  fillTable("connections", state.connections.map((link) => [link.id, link.state, link.topics, link.reconnects]));
  fillTable("topics", state.topics.map((topic) => [topic.name, topic.state + (topic.problem ? ": " + topic.problem : ""),
      topic.count]));
  const channel = state.channel;
  document.getElementById("bits").textContent = channel.totalBits + " bits, " + channel.anonymousBits + " anonymous";
  fill("leaders", channel.leaders.map((leader) => leader.viewer + ": " + leader.bits));
  fill("redemptions", channel.redemptions);
  document.getElementById("rewardChanges").textContent = channel.rewardChanges + " reward changes";
  fill("subscriptions", entries(channel.subscriptionsByTier, (tier, count) => tier + ": " + count)
      .concat([channel.gifts + " gifted"]));
  fill("moderation", entries(channel.moderatorActions, (kind, count) => kind + ": " + count));
  fill("held", channel.heldMessages);
  document.getElementById("ownMessages").textContent = channel.ownMessagesCaught + " of the bot's messages caught";
  fill("lowTrust", entries(channel.lowTrustUsers, (user, treatment) => user + ": " + treatment));
  document.getElementById("lowTrustMessages").textContent = channel.lowTrustMessages + " messages from them";
  fill("badges", entries(channel.badges, (viewer, tier) => viewer + ": " + tier));
  fill("answers", channel.whisperAnswers);
  const login = document.getElementById("login");
  if (state.login && !state.login.authorized) {
    login.href = state.login.loginUrl;
    login.hidden = false;
  } else {
    login.hidden = true;
  }
}

async function refresh() {
  try {
    const response = await fetch("api/state", { headers: { Accept: "application/json" } });
    if (response.ok) {
      render(await response.json());
    } else if (response.status === 401 || response.status === 403) {
      // The twitch profile: only the bot's own Twitch user sees the data.
      const login = document.getElementById("login");
      login.href = "oauth2/authorization/twitch";
      login.hidden = false;
      const connection = document.getElementById("connection");
      connection.textContent = response.status === 401 ? "log in to see the bot" : "logged in as another user";
      connection.className = "badge down";
    }
  } catch (error) {
    document.getElementById("connection").textContent = "application unreachable";
  }
}

connectStream();
refresh();
setInterval(refresh, 2000);
