// The chat page's script, served as /chat.js (the page's CSP allows no inline script). Plain ES2017, no build.
// The browser keeps its signed id and a bounded transcript in localStorage, so a reload shows the conversation
// where it was; a long reply is shown from its first line.
export const chatScript = `(() => {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const sendButton = document.getElementById("send");
  const USER = "loa.web.user";
  const CURSOR = "loa.web.user.cursor";
  const TRANSCRIPT = "loa.web.transcript";
  // Enough to pick up where one left off; old entries fall off so storage stays small.
  const MAX_ENTRIES = 150;
  let user = null;
  let cursor = "0";
  let busy = false;
  let transcript = [];

  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* storage full or off: the chat still works */ }
  }
  function remember(entry) {
    transcript.push(entry);
    if (transcript.length > MAX_ENTRIES) transcript = transcript.slice(-MAX_ENTRIES);
    store(TRANSCRIPT, JSON.stringify(transcript));
  }

  function bubble(text, who) {
    const div = document.createElement("div");
    div.className = who === "notice" ? "notice" : "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    return div;
  }
  function optionsBox(options) {
    const box = document.createElement("div");
    box.className = "options";
    for (const option of options) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = option.label;
      b.dataset.value = option.value;
      b.addEventListener("click", () => {
        for (const other of log.querySelectorAll(".options button")) other.disabled = true;
        send(option.value, option.label);
      });
      box.appendChild(b);
    }
    log.appendChild(box);
    return box;
  }
  function render(entry) {
    return entry.options ? optionsBox(entry.options) : bubble(entry.text, entry.who);
  }
  function add(entry) {
    remember(entry);
    return render(entry);
  }
  function scrollToEnd() { log.scrollTop = log.scrollHeight; }
  function notice(text) { add({ who: "notice", text: text }); scrollToEnd(); }

  function showReplies(replies) {
    let first = null;
    for (const reply of replies) {
      if (reply.text) {
        const shown = add({ who: "bot", text: reply.text });
        first = first || shown;
      }
      if (reply.options && reply.options.length) {
        const options = reply.options.map((o) => ({ label: String(o.label), value: String(o.value) }));
        const shown = add({ options: options });
        first = first || shown;
      }
    }
    // A long article opens at its first line, not its last: bring the start of the new reply to the top.
    if (first) first.scrollIntoView({ block: "start" });
  }

  async function identity(fresh) {
    // A portal passes its own signed id: /chat?user=<id>.<signature>.
    const portal = new URLSearchParams(location.search).get("user");
    if (!fresh) {
      if (portal) return portal;
      const stored = load(USER);
      if (stored && stored.indexOf(".") > 0) return stored;
    }
    const response = await fetch("/web/identity", { method: "POST" });
    if (!response.ok) throw new Error("identity " + response.status);
    return (await response.json()).user;
  }
  function adopt(id, keepTranscript) {
    // Someone else (another portal user) or a new id: the stored conversation is not theirs.
    if (load(USER) !== id) {
      if (!keepTranscript) transcript = [];
      store(TRANSCRIPT, JSON.stringify(transcript));
      cursor = "0";
      store(CURSOR, cursor);
    }
    user = id;
    store(USER, id);
  }

  function post(value) {
    return fetch("/web/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: user, text: value }),
    });
  }
  async function send(value, shown) {
    if (busy || !user) return;
    busy = true; sendButton.disabled = true;
    add({ who: "me", text: shown });
    scrollToEnd();
    try {
      let response = await post(value);
      if (response.status === 401) {
        // The id is no longer accepted (the server's key changed): take a new one and send again.
        adopt(await identity(true), true);
        response = await post(value);
      }
      const body = await response.json();
      if (!response.ok) {
        notice((body.error && body.error.message) || "Không gửi được tin nhắn. Bạn thử lại nhé.");
      } else {
        showReplies(body.replies);
      }
    } catch (e) {
      notice("Mất kết nối. Bạn kiểm tra mạng rồi thử lại nhé.");
    } finally {
      busy = false; sendButton.disabled = false; input.focus();
    }
  }
  async function poll() {
    try {
      const query = "?user=" + encodeURIComponent(user) + "&after=" + encodeURIComponent(cursor);
      const response = await fetch("/web/messages" + query);
      if (response.ok) {
        const body = await response.json();
        for (const message of body.messages) showReplies(message.replies);
        cursor = body.cursor;
        store(CURSOR, cursor);
        if (body.hasMore) return setTimeout(poll, 200);
      }
    } catch (e) { /* offline: try again on the next tick */ }
    setTimeout(poll, 4000);
  }

  function replay() {
    let saved = [];
    try { saved = JSON.parse(load(TRANSCRIPT) || "[]"); } catch (e) { saved = []; }
    if (!Array.isArray(saved)) saved = [];
    transcript = saved.filter((e) => e && (Array.isArray(e.options) || typeof e.text === "string")).slice(-MAX_ENTRIES);
    let last = null;
    for (const entry of transcript) last = render(entry);
    // Only the newest buttons can still be tapped, as before the reload.
    for (const button of log.querySelectorAll(".options button")) button.disabled = button.parentElement !== last;
    scrollToEnd();
  }

  async function start() {
    try {
      adopt(await identity(false), false);
    } catch (e) {
      bubble("Chưa kết nối được máy chủ. Đang thử lại…", "notice");
      return setTimeout(start, 4000);
    }
    cursor = load(CURSOR) || "0";
    replay();
    if (transcript.length === 0) send("menu", "Bắt đầu");
    poll();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text, text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  start();
})();
`;
