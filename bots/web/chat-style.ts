// The chat page's stylesheet, served as /chat.css: a separate file so the page's CSP allows no inline style.
export const chatStyle = `:root { --brand: #b3261e; --bg: #f6f3ef; --bot: #ffffff; --me: #fde8e4; --text: #1f1b16; }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text);
       background: var(--bg); display: flex; flex-direction: column; }
header { background: var(--brand); color: #fff; padding: 12px 16px; display: flex; align-items: center; gap: 10px; }
header .logo { font-size: 26px; }
header h1 { font-size: 18px; margin: 0; font-weight: 600; }
header p { margin: 0; font-size: 13px; opacity: .9; }
#log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 88%; padding: 10px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere;
       box-shadow: 0 1px 1px rgba(0,0,0,.06); }
.bot { background: var(--bot); align-self: flex-start; border-bottom-left-radius: 4px; }
.me { background: var(--me); align-self: flex-end; border-bottom-right-radius: 4px; }
.options { display: flex; flex-wrap: wrap; gap: 8px; align-self: flex-start; max-width: 100%; }
/* 44 px: the smallest target a thumb hits reliably (WCAG 2.5.5, Apple HIG). */
.options button { font: inherit; font-size: 15px; min-height: 44px; border: 1px solid var(--brand); color: var(--brand);
                  background: #fff; border-radius: 22px; padding: 10px 14px; cursor: pointer; text-align: left; }
.options button:hover, .options button:focus-visible { background: var(--me); }
.options button:disabled { opacity: .45; cursor: default; }
.notice { align-self: center; font-size: 13px; color: #6b625a; }
form { display: flex; gap: 8px; padding: 10px; background: #fff; border-top: 1px solid #e4ded6; }
textarea { flex: 1; font: inherit; padding: 10px; border: 1px solid #cfc6bb; border-radius: 10px; resize: none;
           height: 44px; }
form button { font: inherit; min-height: 44px; background: var(--brand); color: #fff; border: 0; border-radius: 10px;
              padding: 0 18px; }
form button:disabled { opacity: .6; }
`;
