// The web chat page: plain HTML and a little JavaScript, served by the app itself (no build step, no asset
// binding), usable on a phone, embeddable in a provincial portal with an <iframe>.

export function chatPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loa – Trợ lý pháp luật</title>
<style>
  :root { --brand: #b3261e; --bg: #f6f3ef; --bot: #ffffff; --me: #fde8e4; --text: #1f1b16; }
  * { box-sizing: border-box; }
  html, body { height: 100%; margin: 0; }
  body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--bg);
         display: flex; flex-direction: column; }
  header { background: var(--brand); color: #fff; padding: 12px 16px; display: flex; align-items: center; gap: 10px; }
  header h1 { font-size: 18px; margin: 0; font-weight: 600; }
  header p { margin: 0; font-size: 13px; opacity: .9; }
  #log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
  .msg { max-width: 88%; padding: 10px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere;
         box-shadow: 0 1px 1px rgba(0,0,0,.06); }
  .bot { background: var(--bot); align-self: flex-start; border-bottom-left-radius: 4px; }
  .me { background: var(--me); align-self: flex-end; border-bottom-right-radius: 4px; }
  .options { display: flex; flex-wrap: wrap; gap: 6px; align-self: flex-start; max-width: 100%; }
  .options button { font: inherit; font-size: 14px; border: 1px solid var(--brand); color: var(--brand); background: #fff;
                    border-radius: 16px; padding: 6px 12px; cursor: pointer; text-align: left; }
  .options button:hover, .options button:focus-visible { background: var(--me); }
  .options button:disabled { opacity: .45; cursor: default; }
  .notice { align-self: center; font-size: 13px; color: #6b625a; }
  form { display: flex; gap: 8px; padding: 10px; background: #fff; border-top: 1px solid #e4ded6; }
  textarea { flex: 1; font: inherit; padding: 10px; border: 1px solid #cfc6bb; border-radius: 10px; resize: none; height: 44px; }
  form button { font: inherit; background: var(--brand); color: #fff; border: 0; border-radius: 10px; padding: 0 18px; }
  form button:disabled { opacity: .6; }
</style>
</head>
<body>
<header>
  <div aria-hidden="true" style="font-size:26px">📢</div>
  <div><h1>Loa – Trợ lý pháp luật</h1><p>Tra cứu văn bản, đọc bài phổ biến pháp luật</p></div>
</header>
<main id="log" aria-live="polite"></main>
<form id="composer" autocomplete="off">
  <textarea id="text" name="text" maxlength="4096" placeholder="Nhập câu hỏi hoặc từ khóa…" aria-label="Tin nhắn"></textarea>
  <button id="send" type="submit">Gửi</button>
</form>
<script>
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const sendButton = document.getElementById("send");
  const storageKey = "loa.web.user";
  let user = localStorage.getItem(storageKey);
  if (!user) {
    user = "web-" + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    localStorage.setItem(storageKey, user);
  }
  let cursor = localStorage.getItem(storageKey + ".cursor") || "0";
  let busy = false;

  function scroll() { log.scrollTop = log.scrollHeight; }
  function bubble(text, who) {
    const div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    scroll();
  }
  function notice(text) {
    const div = document.createElement("div");
    div.className = "notice";
    div.textContent = text;
    log.appendChild(div);
    scroll();
  }
  function showReplies(replies) {
    for (const reply of replies) {
      if (reply.text) bubble(reply.text, "bot");
      if (reply.options && reply.options.length) {
        const box = document.createElement("div");
        box.className = "options";
        for (const option of reply.options) {
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
        scroll();
      }
    }
  }
  async function send(value, shown) {
    if (busy) return;
    busy = true; sendButton.disabled = true;
    bubble(shown, "me");
    try {
      const response = await fetch("/web/messages", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, text: value }),
      });
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
      const response = await fetch("/web/messages?user=" + encodeURIComponent(user) + "&after=" + encodeURIComponent(cursor));
      if (response.ok) {
        const body = await response.json();
        for (const message of body.messages) showReplies(message.replies);
        cursor = body.cursor;
        localStorage.setItem(storageKey + ".cursor", cursor);
        if (body.hasMore) return setTimeout(poll, 200);
      }
    } catch (e) { /* offline: try again on the next tick */ }
    setTimeout(poll, 4000);
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
  send("menu", "Bắt đầu");
  poll();
})();
</script>
</body>
</html>`;
}
