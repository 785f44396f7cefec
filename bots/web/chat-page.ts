// The web chat page: plain HTML served by the app itself (no build step, no asset binding), usable on a phone,
// embeddable in a provincial portal with an <iframe>. Script and style are separate files (/chat.js, /chat.css)
// so the page's Content-Security-Policy allows no inline code at all.

export function chatPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loa – Trợ lý pháp luật</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/chat.css">
<script src="/chat.js" defer></script>
</head>
<body>
<header>
  <div class="logo" aria-hidden="true">📢</div>
  <div><h1>Loa – Trợ lý pháp luật</h1><p>Tra cứu văn bản, đọc bài phổ biến pháp luật</p></div>
</header>
<main id="log" aria-live="polite"></main>
<form id="composer" autocomplete="off">
  <textarea id="text" name="text" maxlength="4096" placeholder="Nhập câu hỏi hoặc từ khóa…"
    aria-label="Tin nhắn"></textarea>
  <button id="send" type="submit">Gửi</button>
</form>
</body>
</html>`;
}
