// The campaign pages' own script, served as /console/assets/campaigns.js next to the shared console.js (which sends
// the forms). It adds what the create form needs beyond plain fields:
// - the unit tree picker: [data-unit-expand] loads a unit's children from GET /api/units?parent=… the first time
//   it is opened (the API answers only units in the officer's scope), each child a checkbox the shared script sends
//   in audience.unitCodes; ticking a unit clears its ancestors and descendants (a unit already covers its
//   subtree), a filter box narrows the loaded units by name with or without diacritics, and a summary names what
//   is chosen;
// - the messages: the shared script would send "messages.0.text" as an object, not an array, so the textareas are
//   skipped and a hidden `messages` JSON field is kept in step with them, with each message's lesson (a list) and
//   article (a search through GET /console/campaigns/article-choices, a fragment of buttons carrying the ids);
// - after the draft is created, going to its page (the API answers { campaign: { id } }, which data-next's {id}
//   cannot reach);
// - on a campaign's page, reloading when the polled progress shows another state than the page was drawn in (the
//   sender started or finished it, another officer paused it), so the buttons always match the state.
export const campaignScript = `(() => {
  "use strict";
  const fold = (text) =>
    text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const PAGE_SIZE = 200;

  function unitItem(unit) {
    const li = document.createElement("li");
    li.dataset.code = unit.code;
    li.dataset.name = fold(unit.fullName);
    const label = document.createElement("label");
    label.className = "check";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "audience.unitCodes";
    box.value = unit.code;
    box.dataset.type = "list-item";
    box.dataset.unitName = unit.fullName;
    label.append(box, document.createTextNode(" " + unit.fullName));
    li.append(label);
    if (unit.kind !== "commune") {
      const open = document.createElement("button");
      open.type = "button";
      open.className = "link";
      open.dataset.unitExpand = unit.code;
      open.setAttribute("aria-expanded", "false");
      open.textContent = "Mở danh sách đơn vị trực thuộc";
      const list = document.createElement("ul");
      list.hidden = true;
      li.append(open, list);
    }
    return li;
  }

  async function loadChildren(code, list, status) {
    const children = [];
    for (let page = 1; ; page++) {
      const query = "parent=" + encodeURIComponent(code) + "&pageSize=" + PAGE_SIZE + "&page=" + page;
      const response = await fetch("/api/units?" + query, {
        credentials: "same-origin", headers: { accept: "application/json" },
      });
      if (!response.ok) throw new Error("Lỗi " + response.status);
      const answer = await response.json();
      children.push(...answer.items);
      if (page * PAGE_SIZE >= answer.total) break;
    }
    list.replaceChildren(...children.map(unitItem));
    if (children.length === 0) status.textContent = "Không có đơn vị trực thuộc.";
  }

  async function expand(button) {
    const li = button.closest("li");
    const list = li.querySelector(":scope > ul");
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    list.hidden = !open;
    button.textContent = open ? "Thu gọn" : "Mở danh sách đơn vị trực thuộc";
    if (!open || list.dataset.loaded) return;
    let status = li.querySelector(":scope > .unit-status");
    if (!status) {
      status = document.createElement("span");
      status.className = "unit-status muted";
      status.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", status);
    }
    status.textContent = " Đang tải…";
    button.disabled = true;
    try {
      await loadChildren(li.dataset.code, list, status);
      list.dataset.loaded = "1";
      if (status.textContent === " Đang tải…") status.textContent = "";
      applyFilter(li.closest("[data-unit-picker]"));
    } catch (error) {
      status.textContent = " Không tải được danh sách: " + (error && error.message ? error.message : error);
      button.setAttribute("aria-expanded", "false");
      list.hidden = true;
    } finally {
      button.disabled = false;
    }
  }

  function summarize(picker) {
    const out = picker.querySelector("[data-unit-summary]");
    if (!out) return;
    const chosen = Array.from(picker.querySelectorAll('input[name="audience.unitCodes"]:checked'))
      .map((box) => box.dataset.unitName || box.value);
    out.textContent =
      chosen.length === 0 ? "Chưa chọn đơn vị nào." : "Đã chọn " + chosen.length + ": " + chosen.join(", ");
  }

  function applyFilter(picker) {
    const input = picker && picker.querySelector("[data-unit-filter]");
    if (!input) return;
    const query = fold(input.value.trim());
    // Only the loaded children are filtered; the top units stay so the tree can still be opened.
    picker.querySelectorAll("li li").forEach((li) => {
      const inside = li.querySelector("li[data-name*='" + CSS.escape(query) + "']");
      li.hidden = query !== "" && !(li.dataset.name || "").includes(query) && !inside;
    });
  }

  // The filled slots become the campaign's messages, in order. Each slot's fields are renamed after the message they
  // make ("messages.1.text" for the second filled slot), so a field error from the API lands on that slot. A slot
  // with a lesson but no text is sent too: the API then asks for its text there, rather than the lesson being lost.
  function syncMessages(form) {
    const target = form.querySelector('input[name="messages"]');
    if (!target) return;
    const messages = [];
    form.querySelectorAll("[data-message-slot]").forEach((slot, i) => {
      const area = slot.querySelector("textarea[data-message]");
      const lesson = slot.querySelector("select[data-message-lesson]");
      const text = area ? area.value.trim() : "";
      const lessonId = lesson && lesson.value ? Number(lesson.value) : 0;
      const prefix = text || lessonId ? "messages." + messages.length : "unused." + i;
      if (area) area.name = prefix + ".text";
      if (lesson) lesson.name = prefix + ".lessonId";
      if (!text && !lessonId) return;
      const message = { text };
      if (lessonId) message.lessonId = lessonId;
      if (area && area.dataset.articleId) message.articleId = Number(area.dataset.articleId);
      messages.push(message);
    });
    target.value = JSON.stringify(messages);
  }

  // A slot's article picker: the console renders the choices (escaped) as a fragment; choosing one puts its id on
  // the slot's message, which syncMessages sends as articleId.
  async function searchArticles(picker) {
    const query = picker.querySelector("[data-article-query]");
    const results = picker.querySelector("[data-article-results]");
    const words = query ? query.value.trim() : "";
    if (!words) {
      results.textContent = "Gõ vài từ để tìm điều luật.";
      return;
    }
    results.textContent = "Đang tìm…";
    try {
      const response = await fetch("/console/campaigns/article-choices?q=" + encodeURIComponent(words), {
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      results.innerHTML = await response.text();
    } catch (error) {
      results.textContent = "Chưa tìm được lúc này; thử lại sau ít phút.";
    }
  }

  function chooseArticle(picker, id, label) {
    const slot = picker.closest("[data-message-slot]");
    const area = slot && slot.querySelector("textarea[data-message]");
    if (!area) return;
    if (id) area.dataset.articleId = id;
    else delete area.dataset.articleId;
    picker.querySelector("[data-article-chosen]").textContent = id ? "Kèm điều luật: " + label : "Không kèm điều luật.";
    picker.querySelector("[data-article-clear]").hidden = !id;
    picker.querySelector("[data-article-results]").replaceChildren();
    const details = picker.querySelector("details");
    if (details) {
      details.open = false;
      details.querySelector("summary").textContent = id ? "Đổi điều luật" : 'Kèm một điều luật (nút "Đọc Điều")';
    }
    if (area.form) syncMessages(area.form);
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const picker = target && target.closest("[data-article-picker]");
    if (!picker) return;
    const choice = target.closest("[data-article-choice]");
    if (choice) chooseArticle(picker, choice.dataset.articleChoice, choice.dataset.articleLabel || "");
    else if (target.closest("[data-article-clear]")) chooseArticle(picker, "", "");
    else if (target.closest("[data-article-search]")) searchArticles(picker);
    else return;
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-unit-expand]") : null;
    if (!button) return;
    event.preventDefault();
    expand(button);
  });

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.name !== "audience.unitCodes") return;
    const picker = box.closest("[data-unit-picker]");
    if (box.checked) {
      const li = box.closest("li");
      li.querySelectorAll(':scope li input[name="audience.unitCodes"]').forEach((inner) => { inner.checked = false; });
      const parentItem = (node) => node.parentElement && node.parentElement.closest("li");
      for (let up = parentItem(li); up; up = parentItem(up)) {
        const own = up.querySelector(':scope > label > input[name="audience.unitCodes"]');
        if (own) own.checked = false;
      }
    }
    summarize(picker);
  });

  document.addEventListener("input", (event) => {
    const el = event.target;
    if (!(el instanceof Element)) return;
    if (el.matches("[data-unit-filter]")) applyFilter(el.closest("[data-unit-picker]"));
    if (el.matches("textarea[data-message], select[data-message-lesson]") && el.form) syncMessages(el.form);
  });

  // Capture: runs before console.js's own submit handler reads the form.
  document.addEventListener("submit", (event) => {
    if (event.target instanceof HTMLFormElement) syncMessages(event.target);
  }, true);

  document.addEventListener("keydown", (event) => {
    // Enter in the filter box must not submit the whole campaign.
    const el = event.target;
    if (event.key === "Enter" && el instanceof Element && el.matches("[data-unit-filter]")) event.preventDefault();
    // Enter in an article search looks the words up instead.
    if (event.key === "Enter" && el instanceof Element && el.matches("[data-article-query]")) {
      event.preventDefault();
      searchArticles(el.closest("[data-article-picker]"));
    }
  });

  document.addEventListener("console:done", (event) => {
    const { element, answer } = event.detail || {};
    if (element && element.dataset.goCampaign !== undefined && answer && answer.campaign) {
      const note = element.dataset.goCampaign || "created";
      location.href = "/console/campaigns/" + encodeURIComponent(answer.campaign.id) + "?" + note + "=1";
    }
  });

  function watchState(box) {
    new MutationObserver(() => {
      const shown = box.querySelector("[data-state]");
      if (shown && shown.dataset.state !== box.dataset.pageState) location.reload();
    }).observe(box, { childList: true });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-page-state]").forEach(watchState);
    document.querySelectorAll("[data-unit-picker]").forEach(summarize);
    document.querySelectorAll("form").forEach(syncMessages);
  });
})();
`;
