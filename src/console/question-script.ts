// The article picker of the answer form, served as /console/assets/questions.js. An officer searches statutes by
// words (the public GET /api/search, ranked as the chat ranks) or takes one of the articles the bot had suggested,
// and each chosen article joins the answer's citations: the script keeps the form's hidden "citations" field as the
// JSON array POST /api/questions/{id}/answer expects, so officers never type JSON and the shared console script
// sends the form (with the CSRF token and the API's error messages) as it sends every other. Text from the API is
// set with textContent only.
export const questionScript = `(() => {
  "use strict";

  function setup(picker) {
    const picked = [];
    const list = picker.querySelector("[data-picked]");
    const empty = picker.querySelector("[data-picked-empty]");
    const field = picker.querySelector("[data-picked-json]");
    const query = picker.querySelector("[data-picker-query]");
    const status = picker.querySelector("[data-picker-status]");
    const results = picker.querySelector("[data-picker-results]");

    const key = (c) => c.document.toLowerCase() + "|" + c.article;

    function render() {
      list.replaceChildren(...picked.map((c, index) => {
        const item = document.createElement("li");
        item.append(document.createTextNode(c.label + " "));
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link";
        remove.textContent = "Bỏ";
        remove.setAttribute("aria-label", "Bỏ " + c.label);
        remove.addEventListener("click", () => { picked.splice(index, 1); render(); });
        item.append(remove);
        return item;
      }));
      empty.hidden = picked.length > 0;
      field.value = picked.length > 0
        ? JSON.stringify(picked.map((c) => ({ document: c.document, article: c.article })))
        : "";
    }

    function add(citation) {
      if (!citation.document || !citation.article) return;
      if (picked.some((c) => key(c) === key(citation))) {
        status.textContent = "Đã chọn " + citation.label + ".";
        return;
      }
      if (picked.length >= 20) { status.textContent = "Tối đa 20 điều luật."; return; }
      picked.push(citation);
      status.textContent = "Đã thêm " + citation.label + ".";
      render();
    }

    async function search() {
      const words = query.value.trim();
      if (!words) { status.textContent = "Hãy gõ vài từ để tìm điều luật."; query.focus(); return; }
      status.textContent = "Đang tìm…";
      results.replaceChildren();
      let answer = null;
      try {
        const response = await fetch("/api/search?limit=10&q=" + encodeURIComponent(words), {
          credentials: "same-origin",
          headers: { accept: "application/json" },
        });
        answer = await response.json().catch(() => null);
        if (!response.ok) {
          status.textContent = (answer && answer.error && answer.error.message) || "Lỗi " + response.status;
          return;
        }
      } catch (error) {
        status.textContent = "Không tìm được: " + (error && error.message ? error.message : error);
        return;
      }
      const articles = ((answer && answer.results) || [])
        .filter((r) => r.type === "article" && r.document && r.article);
      status.textContent = articles.length > 0
        ? "Tìm thấy " + articles.length + " điều luật. Chọn điều cần trích dẫn."
        : "Không tìm thấy điều luật nào. Thử từ khác.";
      results.replaceChildren(...articles.map((r) => {
        const label = "Điều " + r.article + " " + r.document;
        const item = document.createElement("li");
        const choose = document.createElement("button");
        choose.type = "button";
        choose.className = "link";
        choose.textContent = "+ Chọn";
        choose.setAttribute("aria-label", "Chọn " + label);
        choose.addEventListener("click", () => add({ document: r.document, article: r.article, label }));
        const title = document.createElement("strong");
        title.textContent = " " + r.title;
        const gone = r.inForce === false ? " (đã hết hiệu lực)" : "";
        const source = document.createTextNode(" — " + (r.citation || r.document) + gone);
        const snippet = document.createElement("div");
        snippet.className = "muted";
        snippet.textContent = r.snippet || "";
        item.append(choose, title, source, snippet);
        return item;
      }));
    }

    picker.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      const suggested = target.closest("[data-pick-document]");
      if (suggested) {
        add({
          document: suggested.dataset.pickDocument,
          article: suggested.dataset.pickArticle,
          label: suggested.dataset.pickLabel,
        });
      } else if (target.closest("[data-picker-search]")) {
        search();
      }
    });
    // Enter in the search box searches instead of sending the answer.
    query.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); search(); }
    });
    render();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-picker]").forEach(setup);
  });
})();
`;
