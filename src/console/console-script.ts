// The console's one shared script, served as /console/assets/console.js. Pages work as plain HTML; this script
// adds what HTML cannot do on its own, through data attributes, so page code never writes JavaScript:
// - <form data-api="/api/…" data-method="POST|PATCH|DELETE" data-next="/console/x/{id}"> sends the form as JSON to
//   the officer API with the session's CSRF token, shows the API's error (and each field's) next to the form, and
//   on success goes to data-next ({field} or {a.b} filled from the JSON answer), or reloads. Field names with dots
//   nest ("audience.unitCodes"; "messages.0.text" makes a list); data-type on a field: number, boolean, json,
//   lines (one item a line), list (commas), vn-datetime (a datetime-local read as Vietnamese time → ISO);
//   data-empty="null" sends null for an empty field,
//   otherwise an empty field is left out. A checkbox is a boolean unless it has data-type="list-item", which adds
//   its value to the array named by its name.
// - <button data-api="…" data-method="…" data-body='{"…":…}' data-confirm="…"> does the same without a form.
// - <div data-poll="/console/…/fragment" data-interval="2000"> replaces its content with the fragment every few
//   seconds (live progress) until the fragment's answer carries "X-Poll-Done: 1".
// - <a data-download href="/api/exports/…"> downloads with progress (rows and bytes received so far) and saves the
//   file under the name the server gives.
export const consoleScript = `(() => {
  "use strict";
  const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  const flash = (text, isError) => {
    const box = document.getElementById("flash");
    if (!box) return;
    box.textContent = text;
    box.classList.toggle("error", !!isError);
  };

  const vnToIso = (local) => (local ? new Date(local + ":00+07:00").toISOString() : "");

  function readField(el) {
    const type = el.dataset.type || "";
    if (el.type === "checkbox" && type !== "list-item") return el.checked;
    if (el.type === "radio" && !el.checked) return undefined;
    if (el.tagName === "SELECT" && el.multiple) return Array.from(el.selectedOptions).map((o) => o.value);
    const raw = el.value;
    if (raw === "" || raw == null) {
      if (el.dataset.empty === "null") return null;
      return el.dataset.empty === "keep" ? "" : undefined;
    }
    switch (type) {
      case "number": return Number(raw);
      case "boolean": return raw === "true";
      case "json": return JSON.parse(raw);
      case "lines": return raw.split(/\\r?\\n/).map((s) => s.trim()).filter(Boolean);
      case "list": return raw.split(",").map((s) => s.trim()).filter(Boolean);
      case "vn-datetime": return vnToIso(raw);
      default: return raw;
    }
  }

  function setPath(target, path, value) {
    const keys = path.split(".");
    let node = target;
    keys.slice(0, -1).forEach((key, i) => {
      // "messages.0.text": a number after a name makes that name a list.
      const empty = /^\\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[key] = node[key] && typeof node[key] === "object" ? node[key] : empty;
    });
    node[keys[keys.length - 1]] = value;
  }

  function formBody(form) {
    const body = {};
    for (const el of form.elements) {
      if (!el.name || el.disabled || el.name === "csrf" || el.dataset.skip !== undefined) continue;
      if (el.dataset.type === "list-item") {
        const keys = el.name.split(".");
        let node = body;
        keys.slice(0, -1).forEach((key) => { node = node[key] = node[key] || {}; });
        const last = keys[keys.length - 1];
        node[last] = node[last] || [];
        if (el.checked) node[last].push(el.dataset.valueType === "number" ? Number(el.value) : el.value);
        continue;
      }
      let value;
      try { value = readField(el); } catch (error) { throw { field: el.name, message: "không phải JSON hợp lệ" }; }
      if (value !== undefined) setPath(body, el.name, value);
    }
    return body;
  }

  function clearErrors(scope) {
    scope.querySelectorAll(".field-error").forEach((n) => n.remove());
    scope.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute("aria-invalid"));
    const box = scope.querySelector(".form-error");
    if (box) box.textContent = "";
  }

  function showErrors(scope, message, issues) {
    let box = scope.querySelector(".form-error");
    if (!box && scope.tagName === "FORM") {
      box = document.createElement("p");
      box.className = "form-error";
      box.setAttribute("role", "alert");
      scope.prepend(box);
    }
    if (box) box.textContent = message; else flash(message, true);
    for (const issue of issues || []) {
      const field = scope.querySelector ? scope.querySelector('[name="' + CSS.escape(issue.field) + '"]') : null;
      if (!field) continue;
      field.setAttribute("aria-invalid", "true");
      const note = document.createElement("span");
      note.className = "field-error";
      note.textContent = issue.message;
      field.insertAdjacentElement("afterend", note);
    }
  }

  function fill(template, answer) {
    // "{id}" or "{campaign.id}": a field of the API's answer.
    const value = (path) => {
      const found = path.split(".").reduce((node, key) => (node == null ? node : node[key]), answer);
      return encodeURIComponent(found == null ? "" : found);
    };
    return template.replace(/\\{([\\w.]+)\\}/g, (_, path) => value(path));
  }

  async function send(el, url, method, body) {
    const headers = { "x-csrf-token": csrf(), accept: "application/json" };
    const init = { method, headers, credentials: "same-origin" };
    if (body !== undefined && method !== "GET" && method !== "DELETE") {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const text = await response.text();
    let answer = null;
    try { answer = text ? JSON.parse(text) : null; } catch { answer = null; }
    if (response.status === 401) {
      location.href = "/console/login?next=" + encodeURIComponent(location.pathname + location.search);
      return null;
    }
    if (!response.ok) {
      const error = (answer && answer.error) || { message: "Lỗi " + response.status + ": " + text.slice(0, 200) };
      throw { message: error.message, issues: error.issues };
    }
    return answer || {};
  }

  async function act(el, scope, body) {
    const url = el.dataset.api;
    const method = (el.dataset.method || "POST").toUpperCase();
    if (el.dataset.confirm && !window.confirm(el.dataset.confirm)) return;
    const buttons = el.tagName === "FORM" ? el.querySelectorAll("button") : [el];
    buttons.forEach((b) => { b.disabled = true; });
    clearErrors(scope);
    try {
      const answer = await send(el, url, method, body);
      if (answer === null) return;
      document.dispatchEvent(new CustomEvent("console:done", { detail: { element: el, answer } }));
      if (el.dataset.next) location.href = fill(el.dataset.next, answer);
      else if (el.dataset.stay !== undefined) flash(el.dataset.success || "Đã lưu.");
      else { sessionStorage.setItem("console-flash", el.dataset.success || "Đã lưu."); location.reload(); }
    } catch (error) {
      showErrors(scope, error.message || String(error), error.issues);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
    event.preventDefault();
    let body;
    try {
      body = formBody(form);
    } catch (error) {
      clearErrors(form);
      showErrors(form, "Dữ liệu không hợp lệ: " + error.field, [error]);
      return;
    }
    act(form, form, body);
  });

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-api]") : null;
    if (!button || button.form) return;
    event.preventDefault();
    const scope = button.closest("[data-error-scope]") || button.parentElement || document.body;
    act(button, scope, button.dataset.body ? JSON.parse(button.dataset.body) : undefined);
  });

  async function poll(el) {
    const interval = Number(el.dataset.interval || 3000);
    for (;;) {
      await new Promise((r) => setTimeout(r, interval));
      if (!el.isConnected) return;
      try {
        const response = await fetch(el.dataset.poll, { credentials: "same-origin" });
        if (response.ok) el.innerHTML = await response.text();
        if (response.headers.get("x-poll-done") === "1") return;
      } catch { /* the next tick tries again */ }
    }
  }

  function fileName(response, fallback) {
    const header = response.headers.get("content-disposition") || "";
    const star = /filename\\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  async function download(link) {
    let status = link.nextElementSibling;
    if (!status || !status.classList.contains("download-status")) {
      status = document.createElement("span");
      status.className = "download-status";
      status.setAttribute("role", "status");
      link.insertAdjacentElement("afterend", status);
    }
    const bar = document.createElement("progress");
    status.replaceChildren(bar, document.createTextNode(" Đang chuẩn bị…"));
    link.setAttribute("aria-disabled", "true");
    try {
      const response = await fetch(link.href, { credentials: "same-origin" });
      if (!response.ok) {
        let message = "Lỗi " + response.status;
        try { message = (await response.json()).error.message; } catch {}
        status.textContent = message;
        return;
      }
      const total = Number(response.headers.get("x-total-rows") || 0);
      const reader = response.body.getReader();
      const chunks = [];
      let bytes = 0;
      let rows = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        for (let i = 0; i < value.length; i++) if (value[i] === 10) rows++;
        if (total > 0) { bar.max = total; bar.value = Math.min(rows, total); }
        const shown = Math.min(rows, total).toLocaleString("vi-VN");
        const counted = total > 0 ? shown + "/" + total.toLocaleString("vi-VN") + " dòng · " : "";
        status.lastChild.textContent = " " + counted + (bytes / 1024).toFixed(0) + " KB";
      }
      const blob = new Blob(chunks, { type: response.headers.get("content-type") || "application/octet-stream" });
      const url = URL.createObjectURL(blob);
      const save = document.createElement("a");
      save.href = url;
      save.download = fileName(response, link.dataset.filename || "loa-export");
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      bar.max = 1; bar.value = 1;
      status.lastChild.textContent = " Đã tải xong " + save.download + " (" + (bytes / 1024).toFixed(0) + " KB)";
    } catch (error) {
      status.textContent = "Tải thất bại: " + (error && error.message ? error.message : error);
    } finally {
      link.removeAttribute("aria-disabled");
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-download]") : null;
    if (!link) return;
    event.preventDefault();
    if (link.getAttribute("aria-disabled") !== "true") download(link);
  });

  document.addEventListener("DOMContentLoaded", () => {
    const saved = sessionStorage.getItem("console-flash");
    if (saved) { sessionStorage.removeItem("console-flash"); flash(saved); }
    document.querySelectorAll("[data-poll]").forEach((el) => poll(el));
  });
})();
`;
